import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// Action plans (P6, §11.4, Appendix 16): items from the recommendations, the Rapid Review's
/// immediate actions and decisions h and i; progress with RAG ratings; closure on evidence.
@Suite("Action plans (P6)")
struct ActionPlanTests {
    /// A prepared case, its report published on today's date.
    private func published(_ harness: Harness, _ reference: CaseReference) async throws {
        try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2026-12-30"))
        try await harness.passAnonymisationGate(reference)
        try await harness.recordPublished(reference, on: Fixtures.today)
    }

    @Test("P6: a recommendation becomes an item with owner agency, lead officer, target date; progress with RAG; closed with evidence")
    func p6ItemLifecycle() async throws {
        try await withPrepared(1) { harness, reference in
            #expect(try await harness.actionPlan(reference).recommendationsWithoutItems == [1])
            let added = try await harness.addItem(reference)
            #expect(added.item.number == 1 && added.item.ownerAgency == "Testshire Health" && added.item.leadOfficer == "Named Nurse")
            #expect(added.item.status == .open && added.item.addedBy == "Pub.Comms")
            // Not published yet: the case is still at publication.
            #expect(added.stage == .publication)
            try await published(harness, reference)
            let progress = try await harness.recordProgress(reference, rag: .amber)
            #expect(progress.item.progress.map(\.rag) == [.amber])
            #expect(progress.stage == .actionPlan)
            let plan = try await harness.actionPlan(reference)
            #expect(plan.recommendationsWithoutItems.isEmpty)
            #expect(plan.deadlines.map(\.rule) == [.p6])
            #expect(plan.deadlines.first?.due == Fixtures.date("2027-03-31"))
            let closed = try await harness.closeItem(reference)
            #expect(closed.item.status == .closed && closed.item.closure?.judgedBy == "Case Review Panel")
            #expect(closed.stage == .closed)
            let status = try await harness.statuses([reference]).statuses.first
            #expect(status?.stage == .closed)
            #expect(status?.deadlines.first { $0.rule == .p6 }?.status == .met)
            #expect(status?.milestones.map(\.event).suffix(1) == ["actionPlanClosed"])
        }
    }

    @Test("P6: an item past its target date is an overdue deadline on the case's status")
    func p6OverdueIsADeadline() async throws {
        try await withPrepared(1) { harness, reference in
            try await published(harness, reference)
            try await harness.addItem(reference, target: Fixtures.date("2027-01-04"))
            let status = try await harness.statuses([reference]).statuses.first
            #expect(status?.stage == .actionPlan)
            let p6 = status?.deadlines.first { $0.rule == .p6 }
            #expect(p6?.status == .overdue && p6?.subject == "action plan item 1: target date")
        }
    }

    @Test("P6: a decision not to publish with items also moves the case to the action plan")
    func p6AfterNotPublishing() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.decideNotToPublish(reference, on: Fixtures.today)
            #expect(try await harness.addItem(reference).stage == .actionPlan)
        }
    }

    @Test(
        "P6: h, i and immediate actions start a plan publication does not hold; a recommendation needs the hand-over",
        arguments: [PublicationAPI.ActionSource.decisionH, .decisionI, .rapidReviewImmediateAction])
    func p6WithoutPublication(source: PublicationAPI.ActionSource) async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(9)
            try await harness.expectPlanRefused(reference, .notFound, "caseReference: P6: no action plan or publication is held") {
                _ = try await harness.actionPlan(reference)
            }
            try await harness.expectPlanRefused(reference, .failedPrecondition, "P6: no endorsed recommendations are held for \(reference)") {
                try await harness.addItem(reference)
            }
            let added = try await harness.addItem(
                reference, source: source, recommendation: nil, agency: "Testshire Police", lead: "Detective Inspector")
            #expect(added.item.source == source && added.stage == .actionPlan)
            let status = try await harness.statuses([reference]).statuses.first
            #expect(status?.stage == .actionPlan && status?.milestones.map(\.event) == ["actionPlanStarted"])
            try await harness.closeItem(reference)
            #expect(try await harness.actionPlan(reference).stage == .closed)
        }
    }

    @Test("P6: CloseActionPlanItem is refused without the evidence that the improvement is sustained, naming what is missing")
    func p6CloseNeedsEvidence() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.addItem(reference)
            try await harness.expectPlanRefused(
                reference, .failedPrecondition,
                "P6: item 1 is closed only with evidence that the improvement is sustained; missing: evidence, judgedBy"
            ) {
                try await harness.closeItem(reference, evidence: " ", judgedBy: nil)
            }
            try await harness.expectPlanRefused(
                reference, .failedPrecondition, "P6: item 1 is closed only with evidence that the improvement is sustained; missing: judgedOn"
            ) {
                try await harness.closeItem(reference, judgedOn: nil)
            }
            try await harness.closeItem(reference)
            try await harness.expectPlanRefused(reference, .failedPrecondition, "P6: item 1 was closed on 2027-01-11") {
                try await harness.closeItem(reference)
            }
            try await harness.expectPlanRefused(reference, .failedPrecondition, "P6: item 1 was closed on 2027-01-11") {
                try await harness.recordProgress(reference)
            }
        }
    }

    /// A field an item cannot do without, and the refusal naming it.
    struct Refusal: Sendable, CustomTestStringConvertible {
        let request: @Sendable (Harness, CaseReference) async throws -> Void
        let code: RPCCode
        let prefix: String
        var testDescription: String { prefix }
    }

    static let otherPartnership = CaseReference(partnership: "OTHER", year: 2026, sequence: 1) ?? Fixtures.reference(1)

    static let refusals: [Refusal] = [
        Refusal(
            request: { try await $0.addItem($1, agency: "  ") }, code: .invalidArgument, prefix: "ownerAgency: P6: say which agency owns the action"),
        Refusal(
            request: { try await $0.addItem($1, lead: "") }, code: .invalidArgument, prefix: "leadOfficer: P6: give the lead officer's role or title"),
        Refusal(request: { try await $0.addItem($1, action: "") }, code: .invalidArgument, prefix: "agreedAction: P6: say what action is agreed"),
        Refusal(
            request: { try await $0.addItem($1, recommendation: nil) }, code: .invalidArgument,
            prefix: "recommendationNumber: P6: say which recommendation"),
        Refusal(
            request: { try await $0.addItem($1, recommendation: 2) }, code: .invalidArgument,
            prefix: "recommendationNumber: P6: the report has no recommendation 2 (it has 1)"),
        Refusal(
            request: { try await $0.addItem($1, source: .decisionH, recommendation: 1) }, code: .invalidArgument,
            prefix: "recommendationNumber: P6: only an item from a recommendation names one"),
        Refusal(
            request: { harness, _ in try await harness.addItem(otherPartnership, source: .decisionH, recommendation: nil) }, code: .invalidArgument,
            prefix: "caseReference: OTHER-2026-0001 belongs to partnership OTHER"),
        Refusal(request: { try await $0.recordProgress($1, item: 2) }, code: .notFound, prefix: "itemNumber: the action plan has no item 2"),
        Refusal(request: { try await $0.recordProgress($1, text: " ") }, code: .invalidArgument, prefix: "text: P6: say what was done"),
        Refusal(
            request: { try await $0.recordProgress($1, on: Fixtures.date("2027-01-12")) }, code: .invalidArgument,
            prefix: "date: P6: 2027-01-12 is not between the item's addition (2027-01-11) and today (2027-01-11)"),
        Refusal(
            request: { try await $0.closeItem($1, judgedOn: Fixtures.date("2027-01-10")) }, code: .invalidArgument,
            prefix: "judgedOn: P6: 2027-01-10 is not between the item's addition (2027-01-11) and today"),
    ]

    @Test("P6: an item, its progress and its closure are refused without what they need, changing nothing", arguments: refusals)
    func p6Refusals(_ refusal: Refusal) async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.addItem(reference)
            try await harness.expectPlanRefused(reference, refusal.code, refusal.prefix) { try await refusal.request(harness, reference) }
        }
    }
}
