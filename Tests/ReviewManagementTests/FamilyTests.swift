import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// The family's involvement over RPC: V5's refusal, the review view, the §7.4.1 warning, and
/// the family's names kept out of the status feed and the logs, every read audited.
@Suite("The family's involvement over RPC: V5, §7.4.1, personal data")
struct FamilyTests {
    @Test("V5: a relevant member marked not involved without a reason is refused naming V5 and the member, and changes nothing")
    func v5Refused() async throws {
        try await withReview(71, through: .agreed) { harness, reference in
            try await harness.recordMember(Fixtures.parent(reference))
            try await harness.expectRefused(
                reference, .failedPrecondition, "V5: family member 1 is relevant to the review and is marked notInvolved without a reason"
            ) {
                try await harness.recordContact(Fixtures.contact(reference, 1, .notInvolved))
            }
            try await harness.expectRefused(reference, .invalidArgument, "member: no family member 2") {
                try await harness.recordContact(Fixtures.contact(reference, 2, .invited))
            }
        }
    }

    @Test("V5, §7.4.2: the review lists members, versions, status, who is not yet invited and every reason for non-involvement")
    func view() async throws {
        try await withReview(72, through: .agreed) { harness, reference in
            #expect(try await harness.review(reference).family == nil)
            let parent = try await harness.recordMember(Fixtures.parent(reference))
            #expect(parent.member.member == 1)
            #expect(parent.member.recordedBy == "Rev.Team")
            try await harness.recordMember(Fixtures.sibling(reference))
            #expect(try await harness.review(reference).family?.notYetInvited == [1, 2])

            try await harness.recordContact(Fixtures.contact(reference, 1, .invited, on: "2025-04-04"))
            try await harness.recordContact(Fixtures.contact(reference, 1, .declined, on: "2025-04-05", reason: "Fictional: their choice"))
            try await harness.recordContact(
                Fixtures.contact(reference, 2, .notInvolved, on: "2025-04-05", reason: "Fictional: a parallel investigation"))
            var update = Fixtures.parent(reference, member: 1)
            update.supportNeeds = .init(interpreterLanguage: "Fictionese", accessibility: "Fictional: step-free access")
            try await harness.recordMember(update)

            let family = try #require(try await harness.review(reference).family)
            #expect(family.members.map(\.current.member) == [1, 2])
            #expect(family.members.map(\.status) == [.declined, .notInvolved])
            #expect(family.members.first?.versions.map(\.version) == [1, 2])
            #expect(family.members.first?.current.supportNeeds?.accessibility == "Fictional: step-free access")
            #expect(family.members.last?.current.childsVoice == "Fictional: play-based session with their social worker")
            #expect(family.notYetInvited == [])
            #expect(
                family.nonInvolvement == [
                    .init(member: 1, relationship: "mother", status: .declined, reason: "Fictional: their choice"),
                    .init(member: 2, relationship: "sibling", status: .notInvolved, reason: "Fictional: a parallel investigation"),
                ])
            #expect(family.warnings.isEmpty)
        }
    }

    @Test("§7.4.1: the workshop set before the family conversations warns in the reply and the view; set after, it does not")
    func workshopWarning() async throws {
        try await withReview(73, through: .agreed) { harness, reference in
            try await harness.recordMember(Fixtures.parent(reference))
            try await harness.recordContact(Fixtures.contact(reference, 1, .invited, on: "2025-04-04"))
            let later = try await harness.scheduleWorkshop(reference, on: "2025-05-01")
            #expect(later.warnings.isEmpty)
            #expect(try await harness.review(reference).family?.warnings == [])

            let early = try await harness.scheduleWorkshop(reference, on: "2025-04-05")
            #expect(early.warnings.count == 1)
            #expect(early.warnings.first?.hasPrefix("§7.4.1: the practitioners' workshop (2025-04-05) is set before") == true)
            let view = try await harness.review(reference)
            #expect(view.family?.warnings == early.warnings)
            #expect(view.learningEvents?.map(\.date) == [Fixtures.date("2025-05-01"), Fixtures.date("2025-04-05")])
            let met = try await harness.recordContact(Fixtures.contact(reference, 1, .met, on: "2025-04-06"))
            #expect(met.warnings == early.warnings, "a conversation after the workshop still warns")

            let moved = try await harness.scheduleWorkshop(reference, on: "2025-04-20")
            #expect(moved.warnings.isEmpty, "the workshop after the conversation: no warning")
            #expect(try await harness.review(reference).family?.warnings == [])
        }
    }

    @Test("personal data: GetStatuses and the log lines never carry a member's name; every family call and read is audited")
    func noNamesInFeedOrLogs() async throws {
        let directory = try TestDirectory.reviewManagement()
        let port = try freePort()
        let process = try await startServiceProcess("review-management", service: .reviewManagement, directory, port: port)
        let client = RPCClient(host: "127.0.0.1", port: port)
        func call<Request, Response>(_ method: RPC.Method<Request, Response>, _ request: Request, as token: String) async throws -> Response {
            var metadata = bearer(token)
            if method.info.name == "CommissionReview" { metadata.add("idempotency-key", "rapid-review/CommissionReview/family") }
            return try await client.call(method, request, deadline: .seconds(10), metadata: metadata)
        }
        let reference = Fixtures.reference(74)
        do {
            _ = try await call(ReviewManagementAPI.commissionReview, Fixtures.commission(reference), as: TestTokens.service(.rapidReview))
            _ = try await call(ReviewManagementAPI.recordFamilyMember, Fixtures.parent(reference), as: ReviewTokens.reviewTeam)
            _ = try await call(ReviewManagementAPI.recordFamilyMember, Fixtures.sibling(reference), as: ReviewTokens.reviewTeam)
            _ = try await call(ReviewManagementAPI.recordFamilyContact, Fixtures.contact(reference, 1, .invited), as: ReviewTokens.reviewTeam)
            let refused = await captureRPCError {
                _ = try await call(ReviewManagementAPI.recordFamilyContact, Fixtures.contact(reference, 2, .notInvolved), as: ReviewTokens.reviewTeam)
            }
            #expect(refused?.code == .failedPrecondition)
            let duplicate = await captureRPCError {
                _ = try await call(ReviewManagementAPI.recordFamilyMember, Fixtures.sibling(reference), as: ReviewTokens.reviewTeam)
            }
            #expect(duplicate?.code == .invalidArgument)
            _ = try await call(
                ReviewManagementAPI.scheduleLearningEvent,
                .init(caseReference: reference, kind: .practitionersWorkshop, date: Fixtures.date("2025-04-05")), as: ReviewTokens.reviewTeam)
            let view = try await call(ReviewManagementAPI.getReview, .init(caseReference: reference), as: ReviewTokens.reviewTeam)
            #expect(view.family?.members.map(\.current.name) == [Fixtures.parentName, Fixtures.siblingName], "the view holds the names")

            let statuses = try await call(ReviewManagementAPI.getStatuses, .init(since: nil), as: TestTokens.service(.gateway))
            #expect(statuses.statuses.map(\.reference) == [reference])
            let feed = String(decoding: try JSONCodec.encode(statuses), as: UTF8.self)
            for name in [Fixtures.parentName, Fixtures.siblingName, "Fictionese"] { #expect(!feed.contains(name), "\(name) in the status feed") }
            for message in [refused?.message, duplicate?.message].compactMap({ $0 }) {
                for name in [Fixtures.parentName, Fixtures.siblingName] { #expect(!message.contains(name), "\(name) in an error") }
            }

            let trail = try await call(AdminAPI.getAuditTrail, .init(caseReference: reference.description), as: TestTokens.admin)
            let methods = trail.entries.map(\.method)
            for method in ["RecordFamilyMember", "RecordFamilyContact", "ScheduleLearningEvent", "GetReview"] {
                #expect(methods.contains(method), "\(method) not audited")
            }
        } catch {
            Issue.record("\(error)")
        }
        process.send(SIGTERM)
        _ = try await process.waitForExit()
        let log = process.output
        #expect(log.contains { $0.contains("RecordFamilyMember") }, "the calls are logged")
        for name in [Fixtures.parentName, Fixtures.siblingName, "Fictionese"] {
            #expect(!log.contains { $0.contains(name) }, "\(name) in the log")
        }
    }
}
