import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// The lead reviewer and the review team over RPC: V3 notices, V4 partners, §1.5.7
/// declarations, the review view, the status feed and the audit trail.
@Suite("Lead reviewer and review team over RPC: V3, V4, §1.5.7")
struct ReviewTeamTests {
    static let all = ReviewManagementAPI.NoticeRecipient.allCases

    static func notice(_ recipient: ReviewManagementAPI.NoticeRecipient, _ sent: String) -> ReviewManagementAPI.ReviewerNotice {
        .init(recipient: recipient, sentOn: Fixtures.date(sent))
    }

    @Test("V3: appointed, then the three notices: the review shows which are due until all are sent; milestones in the feed without names")
    func v3Path() async throws {
        try await withReview(61, through: .agreed) { harness, reference in
            let appointed = try await harness.appoint(reference)
            #expect(appointed.noticesDue == Self.all)
            #expect(appointed.appointment.recordedBy == "Rev.Team")
            #expect(try await harness.review(reference).reviewTeam?.noticesDue == Self.all)

            let first = try await harness.recordNotices(reference, [Self.notice(.nationalPanel, "2025-04-04"), Self.notice(.ofsted, "2025-04-05")])
            #expect(first.noticesDue == [.departmentForEducation])
            let view = try await harness.review(reference)
            #expect(view.reviewTeam?.noticesDue == [.departmentForEducation])
            #expect(!view.milestones.map(\.event).contains("reviewerNotified"))

            let second = try await harness.recordNotices(reference, [Self.notice(.departmentForEducation, "2025-04-07")])
            #expect(second.noticesDue.isEmpty)
            #expect(second.notices.map(\.recipient) == [.nationalPanel, .ofsted, .departmentForEducation])

            let status = try await harness.call(ReviewManagementAPI.getStatuses, .init(references: [reference]), as: TestTokens.viewer).statuses.first
            #expect(
                status?.milestones.map(\.event) == [
                    "reviewCommissioned", "reviewerAppointed", "termsOfReferenceDrafted", "termsOfReferenceAgreed", "reviewerNotified",
                ])
            #expect(status?.milestones.first { $0.event == "reviewerNotified" }?.date == Fixtures.today)
            let feed = try await harness.feedRows().values.joined()
            for personal in [Fixtures.reviewerName, "Fictional Reviews Ltd"] { #expect(!feed.contains(personal), "\(personal) in the status feed") }
        }
    }

    @Test("V3: a notice before the appointment, or a second one to a recipient, is refused and changes nothing")
    func v3Refused() async throws {
        try await withReview(62, through: .commissioned) { harness, reference in
            try await harness.expectRefused(reference, .failedPrecondition, "V3: no lead reviewer is appointed yet") {
                try await harness.recordNotices(reference, [Self.notice(.ofsted, "2025-04-05")])
            }
            try await harness.appoint(reference)
            try await harness.recordNotices(reference, [Self.notice(.ofsted, "2025-04-05")])
            try await harness.expectRefused(reference, .failedPrecondition, "V3: the notice to ofsted was recorded as sent on 2025-04-05") {
                try await harness.recordNotices(reference, [Self.notice(.nationalPanel, "2025-04-05"), Self.notice(.ofsted, "2025-04-06")])
            }
            try await harness.expectRefused(reference, .failedPrecondition, "V3: a lead reviewer was appointed on 2025-04-04") {
                try await harness.appoint(reference)
            }
            #expect(try await harness.review(reference).reviewTeam?.noticesDue == [.nationalPanel, .departmentForEducation])
        }
    }

    @Test("V4: a team without police and health is refused naming V4 and both partners, and changes nothing")
    func v4Refused() async throws {
        try await withReview(63, through: .commissioned) { harness, reference in
            try await harness.expectRefused(
                reference, .failedPrecondition,
                "V4: the review team has no representative of police, health (ICB); add one, or give missingPartnerReason"
            ) {
                try await harness.setTeam(reference, [Fixtures.localAuthorityMember, Fixtures.expertMember])
            }
            try await harness.expectRefused(reference, .invalidArgument, "members[0].agency.kind: expected one of localAuthority") {
                let json = #"{"caseReference":"\#(reference)","members":[{"name":"A","role":"r","agency":{"name":"x","kind":"fire"}}]}"#
                _ = try await harness.client.callRaw(
                    path: ReviewManagementAPI.setReviewTeam.path, json: Data(json.utf8), deadline: .seconds(10),
                    metadata: bearer(ReviewTokens.reviewTeam))
            }
        }
    }

    @Test("V4: with the reason a partner is missing the team is set, the reason recorded and the partner flagged in the review")
    func v4Reason() async throws {
        try await withReview(64, through: .commissioned) { harness, reference in
            let set = try await harness.setTeam(
                reference, [Fixtures.localAuthorityMember, Fixtures.healthMember], reason: "Fictional: the police had no involvement")
            #expect(set.team.partnersNotRepresented == [.police])
            let view = try await harness.review(reference).reviewTeam
            #expect(view?.partnersNotRepresented == [.police])
            #expect(view?.teams.last?.missingPartnerReason == "Fictional: the police had no involvement")

            // A full team later: a new version, the flag gone, the first version still readable.
            try await harness.setTeam(reference)
            let after = try await harness.review(reference)
            #expect(after.reviewTeam?.partnersNotRepresented == [])
            #expect(after.reviewTeam?.teams.map(\.version) == [1, 2])
            #expect(after.milestones.filter { $0.event == "reviewTeamSet" }.count == 1)
        }
    }

    @Test("§1.5.7: the review lists who has not declared; a declaration without the confidentiality agreement is refused")
    func declarations() async throws {
        try await withReview(65, through: .commissioned) { harness, reference in
            try await harness.appoint(reference)
            let set = try await harness.setTeam(reference)
            #expect(set.notDeclared == [Fixtures.reviewerName] + Fixtures.fullTeam.map(\.name))
            let declared = try await harness.declare(Fixtures.declaration(reference, Fixtures.reviewerName))
            #expect(declared.notDeclared == Fixtures.fullTeam.map(\.name))
            var unsigned = Fixtures.declaration(reference, Fixtures.policeMember.name)
            unsigned.confidentialityAgreed = false
            try await harness.expectRefused(reference, .invalidArgument, "confidentialityAgreed: §1.5.7: ") { try await harness.declare(unsigned) }
            for member in Fixtures.fullTeam { try await harness.declare(Fixtures.declaration(reference, member.name)) }
            #expect(try await harness.review(reference).reviewTeam?.notDeclared == [])
        }
    }

    @Test("roles: the Review Team writes; a viewer cannot; every call is in the audit trail with its case")
    func rolesAndAudit() async throws {
        try await withReview(66, through: .commissioned) { harness, reference in
            let refused = await captureRPCError { try await harness.appoint(reference, as: TestTokens.viewer) }
            #expect(refused?.code == .permissionDenied)
            try await harness.appoint(reference)
            try await harness.recordNotices(reference, [Self.notice(.ofsted, "2025-04-05")])
            try await harness.setTeam(reference)
            try await harness.declare(Fixtures.declaration(reference, Fixtures.reviewerName))
            let trail = try await harness.call(AdminAPI.getAuditTrail, .init(caseReference: reference.description), as: TestTokens.admin)
            let methods = trail.entries.map(\.method)
            for method in ["AppointLeadReviewer", "RecordReviewerNotice", "SetReviewTeam", "RecordDeclaration"] {
                #expect(methods.contains(method), "\(method) not audited")
            }
        }
    }
}
