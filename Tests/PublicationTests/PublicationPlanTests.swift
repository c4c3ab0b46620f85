import Contract
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// The publication plan (P3), holds for parallel proceedings, and the archive step (T10).
@Suite("The publication plan, holds and the archive step")
struct PublicationPlanTests {
    static let copiesOn = Fixtures.date("2027-01-04")
    static let earliest = Fixtures.date("2027-01-13")

    static func plan(
        _ reference: CaseReference, consultedOn: CivilDate? = Fixtures.date("2027-01-05"),
        wishes: String? = "Fictional: not before the anniversary", media: String = "Partnership communications lead",
        leads: [String] = ["Police strategic lead", "Children's Services press lead"]
    ) -> PublicationAPI.RecordPublicationPlanRequest {
        .init(
            caseReference: reference, familyConsultedOn: consultedOn, familyWishes: wishes,
            familyArrangements: "Fictional: the family liaison officer visits the day before",
            practitionersInformed: "Senior managers brief frontline staff the week before", mediaContact: media, strategicLeads: leads)
    }

    @Test("P3: the plan keeps the family's wishes, how practitioners are informed, the media contact and strategic leads; each record a new version")
    func p3PlanVersioned() async throws {
        try await withPrepared(1) { harness, reference in
            let first = try await harness.recordPlan(Self.plan(reference, consultedOn: nil, wishes: nil))
            #expect(first.version == 1 && first.familyWishes == nil)
            let second = try await harness.recordPlan(Self.plan(reference))
            #expect(second.version == 2 && second.familyWishes == "Fictional: not before the anniversary")
            #expect(second.strategicLeads == ["Police strategic lead", "Children's Services press lead"])
            let publication = try await harness.publication(reference)
            #expect(publication.planning?.plans.map(\.version) == [1, 2])
            #expect(publication.milestones.filter { $0.event == "publicationPlanRecorded" }.count == 2)
        }
    }

    @Test(
        "P3: a plan is refused naming the field: wishes without the consultation's date, a consultation without wishes, no media contact or leads",
        arguments: [
            (nil, "Fictional: wishes", "Partnership communications lead", ["Police strategic lead"], "familyConsultedOn: P3:"),
            ("2027-01-05", nil, "Partnership communications lead", ["Police strategic lead"], "familyWishes: P3:"),
            ("2026-11-30", "Fictional: wishes", "Partnership communications lead", ["Police strategic lead"], "familyConsultedOn: P1:"),
            ("2027-01-05", "Fictional: wishes", " ", ["Police strategic lead"], "mediaContact: P3:"),
            ("2027-01-05", "Fictional: wishes", "Partnership communications lead", [], "strategicLeads: P3:"),
        ] as [(String?, String?, String, [String], String)])
    func p3PlanChecked(consulted: String?, wishes: String?, media: String, leads: [String], prefix: String) async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.expectRefused(reference, .invalidArgument, prefix) {
                try await harness.recordPlan(
                    Self.plan(reference, consultedOn: consulted.map(Fixtures.date), wishes: wishes, media: media, leads: leads))
            }
        }
    }

    @Test("P3: a standing hold refuses SchedulePublication naming P3 and the hold; its review date is in the view; once released it is accepted")
    func p3HoldRefusesScheduling() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.recordAllAdvanceCopies(reference, sentOn: Self.copiesOn)
            try await harness.passAnonymisationGate(reference)
            let hold = try await harness.hold(reference, for: .inquest, reviewOn: Fixtures.date("2027-02-15"))
            #expect(hold.number == 1 && hold.proceedings == .inquest && hold.requestedBy == "Senior Investigating Officer")
            try await harness.expectRefused(
                reference, .failedPrecondition, "P3: publication is held for an inquest (hold 1, to be reviewed on 2027-02-15)"
            ) {
                try await harness.schedule(reference, on: Self.earliest)
            }
            var publication = try await harness.publication(reference)
            #expect(publication.planning?.holdsStanding == [1])
            #expect(publication.planning?.nextHoldReview == Fixtures.date("2027-02-15"))
            let status = try #require(try await harness.statuses([reference]).statuses.first)
            #expect(status.milestones.map(\.event).contains("publicationHeld"))
            let released = try await harness.release(reference, hold: 1)
            #expect(released.holdsStanding == [])
            #expect(try await harness.schedule(reference, on: Self.earliest).schedule.publicationDate == Self.earliest)
            publication = try await harness.publication(reference)
            #expect(publication.planning?.nextHoldReview == nil)
            #expect(publication.milestones.map(\.event).contains("publicationHoldReleased"))
        }
    }

    @Test("P3: a hold is refused with its review date before it; a release of no hold, or of one released already, is refused")
    func p3HoldsChecked() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.expectRefused(reference, .invalidArgument, "reviewOn: P3:") {
                try await harness.hold(reference, reviewOn: Fixtures.date("2027-01-10"))
            }
            try await harness.expectRefused(reference, .invalidArgument, "heldOn: P1:") {
                try await harness.hold(reference, on: Fixtures.date("2026-11-30"))
            }
            try await harness.expectRefused(reference, .invalidArgument, "holdNumber: P3: there is no hold 1") {
                try await harness.release(reference, hold: 1)
            }
            try await harness.hold(reference)
            try await harness.release(reference, hold: 1)
            try await harness.expectRefused(reference, .failedPrecondition, "P3: hold 1 was released on 2027-01-11") {
                try await harness.release(reference, hold: 1)
            }
        }
    }

    @Test("T10: RecordArchived is refused before publication and before a year has passed, naming T10; on the anniversary it meets T10")
    func t10Archive() async throws {
        let harness = try await Harness.start(extra: ["CSPR_TODAY": "2028-01-11"])
        try await withStopping(harness, stop: { await $0.stop() }) { harness in
            let reference = Fixtures.reference(1)
            try await harness.prepare(Fixtures.preparation(reference))
            try await harness.expectRefused(reference, .failedPrecondition, "T10: nothing is published yet") {
                try await harness.recordArchived(reference, on: Fixtures.date("2028-01-11"))
            }
            try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2026-12-30"))
            try await harness.passAnonymisationGate(reference, on: Fixtures.date("2028-01-11"))
            try await harness.recordPublished(reference, on: Fixtures.date("2027-01-11"))
            try await harness.expectRefused(
                reference, .failedPrecondition, "T10: published on 2027-01-11, it stays available for at least a year: not archived before 2028-01-11"
            ) {
                try await harness.recordArchived(reference, on: Fixtures.date("2028-01-10"))
            }
            try await harness.expectRefused(reference, .invalidArgument, "archivedOn: T10:") {
                try await harness.recordArchived(reference, on: Fixtures.date("2028-01-12"))
            }
            try await harness.expectRefused(reference, .invalidArgument, "availableOnRequestFrom: T10:") {
                try await harness.recordArchived(reference, on: Fixtures.date("2028-01-11"), from: "")
            }
            let archived = try await harness.recordArchived(reference, on: Fixtures.date("2028-01-11"))
            let t10 = try #require(archived.deadlines.first { $0.rule == .t10 })
            #expect(t10.status == .met && t10.metOn == Fixtures.date("2028-01-11"))
            #expect(archived.archived.availableOnRequestFrom == "the Partnership Board's business unit")
            try await harness.expectRefused(reference, .failedPrecondition, "T10: the report was archived on 2028-01-11") {
                try await harness.recordArchived(reference, on: Fixtures.date("2028-01-11"))
            }
            let status = try #require(try await harness.statuses([reference]).statuses.first)
            #expect(status.milestones.last?.event == "reportArchived")
            #expect(status.deadlines.first { $0.rule == .t10 }?.status == .met)
        }
    }
}
