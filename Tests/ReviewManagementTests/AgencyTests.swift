import Contract
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@Suite("Agencies over RPC: requests, the combined chronology (V6), information reports (V7), submissions (V8)")
struct AgencyTests {
    static let police = "Testshire Police"
    static let council = "Testshire Council Children's Services"
    static let health = "Testshire Health"

    static func entry(_ date: String, _ time: String?, _ event: String) -> ReviewManagementAPI.ChronologyEntry {
        .init(date: Fixtures.date(date), time: time, event: event, source: "Fictional: case record", period: .inside)
    }

    static let report = ReviewManagementAPI.InformationReport(
        author: .init(name: "Alex Author", designation: "Fictional: named nurse", involvement: .noInvolvement),
        completedOn: Fixtures.date("2025-04-01"),
        endorser: .init(name: "Sam Senior", designation: "Fictional: head of safeguarding", involvement: .noInvolvement),
        endorsedOn: Fixtures.date("2025-04-03"), analysis: "Fictional: analysis of involvement")

    @Test("V6: three agencies' chronologies with overlapping times merge by date and time, each keeping its agency, and export as CSV")
    func v6CombinedChronology() async throws {
        try await withReview(40, through: .agreed) { harness, reference in
            for agency in [Self.police, Self.council, Self.health] { try await harness.requestInformation(reference, agency) }
            let asked = try await harness.agencyRequests(reference)
            #expect(asked.outstanding == [Self.police, Self.council, Self.health])
            #expect(asked.overdue == [])
            #expect(asked.requests.map(\.request.contact.name) == ["Lee Contact", "Lee Contact", "Lee Contact"])
            try await harness.expectAgencyStepRefused(reference, .invalidArgument, "entries[0].time: V6: ") {
                try await harness.submitChronology(reference, Self.police, [Self.entry("2024-03-05", "24:00", "Fictional: P3")])
            }

            try await harness.submitChronology(
                reference, Self.police, [Self.entry("2024-03-05", "14:00", "Fictional: P2"), Self.entry("2024-03-05", "09:00", "Fictional: P1")])
            try await harness.submitChronology(reference, Self.council, [Self.entry("2024-03-05", "09:00", "Fictional: C1, with a comma")])
            let sent = try await harness.submitChronology(reference, Self.health, [Self.entry("2024-03-04", "23:59", "Fictional: H1")])
            #expect(sent.submission == .init(agency: Self.health, kind: .chronology, version: 1))

            let combined = try await harness.combinedChronology(reference, format: .csv)
            #expect(combined.entries.map(\.entry.event) == ["Fictional: H1", "Fictional: C1, with a comma", "Fictional: P1", "Fictional: P2"])
            #expect(combined.entries.map(\.agency) == [Self.health, Self.council, Self.police, Self.police])
            #expect(combined.mediaType == "text/csv")
            let lines = combined.csv?.components(separatedBy: "\r\n")
            #expect(lines?.first == "date,time,agency,event,source,period")
            #expect(
                lines?[2] == "2024-03-05,09:00,Testshire Council Children's Services,\"Fictional: C1, with a comma\",Fictional: case record,inside")
            #expect(try await harness.combinedChronology(reference).csv == nil)
            #expect(try await harness.agencyRequests(reference).requests.map(\.outstanding) == Array(repeating: [.informationReport], count: 3))

            try await harness.expectAgencyStepRefused(reference, .failedPrecondition, "V8: Testshire Police's chronology version 1 awaits") {
                try await harness.submitChronology(reference, Self.police, [Self.entry("2024-03-05", "10:00", "Fictional: P3")])
            }
            try await harness.expectAgencyStepRefused(reference, .failedPrecondition, "V6: no chronology was asked of Testshire Fire") {
                try await harness.submitChronology(reference, "Testshire Fire", [Self.entry("2024-03-05", "10:00", "Fictional: F1")])
            }
        }
    }

    @Test(
        "V7: SubmitInformationReport is FAILED_PRECONDITION when not endorsed, endorsed by its author, or either declared involvement; nothing changes, no name in the error"
    )
    func v7() async throws {
        try await withReview(41, through: .agreed) { harness, reference in
            try await harness.requestInformation(reference, Self.police)
            var unendorsed = Self.report
            unendorsed.endorser = nil
            var selfEndorsed = Self.report
            selfEndorsed.endorser?.name = "Alex Author"
            var involved = Self.report
            involved.endorser?.involvement = .involved
            for (report, prefix) in [
                (unendorsed, "V7: the information report is not endorsed"), (selfEndorsed, "V7: the endorser is the report's author"),
                (involved, "V7: the endorser declared operational involvement"),
            ] {
                try await harness.expectAgencyStepRefused(reference, .failedPrecondition, prefix) {
                    try await harness.submitReport(reference, Self.police, report)
                }
                let error = await captureRPCError { try await harness.submitReport(reference, Self.police, report) }
                for name in ["Alex", "Sam Senior", "Lee Contact"] { #expect(error?.message.contains(name) == false, "\(name) in the error") }
            }
            let accepted = try await harness.submitReport(reference, Self.police, Self.report)
            #expect(accepted.submission == .init(agency: Self.police, kind: .informationReport, version: 1))
            #expect(try await harness.agencyRequests(reference).requests.first?.outstanding == [.chronology])
        }
    }

    @Test("V8: the review team sends a submission back with its question, the agency submits version 2, the team accepts it; decisions are kept")
    func v8() async throws {
        try await withReview(42, through: .agreed) { harness, reference in
            try await harness.requestInformation(reference, Self.police, asks: [.informationReport])
            try await harness.submitReport(reference, Self.police, Self.report)
            let first = ReviewManagementAPI.SubmissionKey(agency: Self.police, kind: .informationReport, version: 1)
            try await harness.expectAgencyStepRefused(reference, .invalidArgument, "question: V8: ") {
                try await harness.decide(reference, first, .sentBack)
            }
            let sentBack = try await harness.decide(reference, first, .sentBack, question: "Fictional: what followed the strategy meeting?")
            #expect(sentBack.decision.decidedBy == "Rev.Team")
            #expect(try await harness.agencyRequests(reference).outstanding == [Self.police])
            try await harness.expectAgencyStepRefused(reference, .failedPrecondition, "V8: the review team sent back version 1 on 2025-04-07") {
                try await harness.decide(reference, first, .accepted)
            }
            let second = try await harness.submitReport(reference, Self.police, Self.report)
            #expect(second.submission.version == 2)
            try await harness.decide(reference, second.submission, .accepted)
            #expect(try await harness.agencyRequests(reference).outstanding == [])
            try await harness.expectAgencyStepRefused(
                reference, .failedPrecondition, "V8: the review team accepted Testshire Police's information report version 2"
            ) {
                try await harness.submitReport(reference, Self.police, Self.report)
            }
        }
    }

    @Test("the agencies' records stay out of the status feed; their reads are audited; viewers cannot read them, the panel cannot decide")
    func personalDataAndRoles() async throws {
        try await withReview(43, through: .agreed) { harness, reference in
            try await harness.requestInformation(reference, Self.police)
            try await harness.submitChronology(reference, Self.police, [Self.entry("2024-03-05", "14:00", "Fictional: Kim Private visited")])
            try await harness.submitReport(reference, Self.police, Self.report)
            let statuses = try await harness.call(ReviewManagementAPI.getStatuses, .init(references: [reference]), as: TestTokens.viewer)
            let text = String(decoding: try JSONCodec.encode(statuses), as: UTF8.self)
            for personal in ["Lee Contact", "Kim Private", "Alex Author", "Sam Senior"] {
                #expect(!text.contains(personal), "\(personal) in the status")
            }
            _ = try await harness.combinedChronology(reference)
            _ = try await harness.agencyRequests(reference)
            let trail = try await harness.call(AdminAPI.getAuditTrail, .init(caseReference: reference.description), as: TestTokens.admin)
            for method in ["RequestAgencyInformation", "SubmitChronology", "SubmitInformationReport", "GetCombinedChronology", "GetAgencyRequests"] {
                #expect(trail.entries.contains { $0.method == method }, "\(method) not audited")
            }
            let viewer = await captureRPCError {
                _ = try await harness.call(ReviewManagementAPI.getCombinedChronology, .init(caseReference: reference), as: TestTokens.viewer)
            }
            #expect(viewer?.code == .permissionDenied)
            let panel = await captureRPCError {
                _ = try await harness.call(
                    ReviewManagementAPI.reviewSubmission,
                    .init(caseReference: reference, submission: .init(agency: Self.police, kind: .chronology, version: 1), outcome: .accepted),
                    as: TestTokens.panel)
            }
            #expect(panel?.code == .permissionDenied)
        }
    }
}

@Suite("Escalation over RPC (§2.1.7)")
struct EscalationTests {
    @Test("§2.1.7: EscalateAgencyRequest of a request not yet overdue is FAILED_PRECONDITION and changes nothing; the panel may call it")
    func notOverdue() async throws {
        try await withReview(44, through: .agreed) { harness, reference in
            try await harness.requestInformation(reference, AgencyTests.police)
            try await harness.expectAgencyStepRefused(
                reference, .failedPrecondition, "§2.1.7: Testshire Police's request is not overdue: it is due on 2025-05-01"
            ) {
                _ = try await harness.call(
                    ReviewManagementAPI.escalateAgencyRequest,
                    .init(caseReference: reference, agency: AgencyTests.police, level: .caseReviewPanel, reason: "Fictional: late"),
                    as: TestTokens.panel)
            }
            #expect(try await harness.agencyRequests(reference).requests.first?.escalatedTo == nil)
        }
    }
}
