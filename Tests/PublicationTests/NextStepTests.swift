import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// The next step publication gives the panel's dashboard, as a case goes through it.
@Suite("Publication's next step, as the panel sees it")
struct NextStepTests {
    static func nextStep(_ harness: Harness, _ reference: CaseReference) async throws -> String? {
        try await harness.statuses([reference]).statuses.first?.nextStep
    }

    @Test("T9, P4, T10, P6: copies, the gate, the date, publishing, the action plan and its follow-up, then the archive step")
    func throughPublication() async throws {
        try await withPrepared(31) { harness, reference in
            #expect(try await Self.nextStep(harness, reference) == "sendAdvanceCopies")
            try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2026-12-30"))
            #expect(try await Self.nextStep(harness, reference) == "checkReportForDisclosure")
            _ = try await harness.checkDisclosure(reference)
            #expect(try await Self.nextStep(harness, reference) == "signOffAnonymisation")
            try await harness.signOff(reference)
            #expect(try await Self.nextStep(harness, reference) == "schedulePublication")
            try await harness.schedule(reference, on: Fixtures.date("2027-01-15"))
            #expect(try await Self.nextStep(harness, reference) == "recordPublished")
            try await harness.recordPublished(reference, on: Fixtures.today)
            #expect(try await Self.nextStep(harness, reference) == "agreeActionPlan")
            try await harness.addItem(reference)
            #expect(try await Self.nextStep(harness, reference) == "followUpActionPlan")
            try await harness.closeItem(reference)
            #expect(try await Self.nextStep(harness, reference) == "archiveAfterAYear")
        }
    }

    @Test("P2: after a decision not to publish, the information about improvements is what is published next")
    func notPublishing() async throws {
        try await withPrepared(32) { harness, reference in
            try await harness.decideNotToPublish(reference, on: Fixtures.today)
            #expect(try await Self.nextStep(harness, reference) == "publishImprovementsInformation")
        }
    }
}
