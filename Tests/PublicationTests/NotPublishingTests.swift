import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// Not publishing the report (P2), and the information about improvements published instead.
@Suite("DecideNotToPublish and the information about improvements (P2)")
struct NotPublishingTests {
    @Test("P2: the decision keeps reasons and who decided; the information about improvements then goes out on the same timescale (T9, T8)")
    func p2ImprovementsOnTheSameTimescale() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2027-01-04"))
            let decided = try await harness.decideNotToPublish(reference, on: Fixtures.date("2027-01-05"))
            #expect(decided.state == .notPublishingReport)
            #expect(decided.decision.reasons == "Fictional: the child's siblings would be identified")
            #expect(decided.decision.decidedBy == "Fictional: the three safeguarding partners")
            // The report's copies no longer count: the information about improvements is what is sent.
            try await harness.expectRefused(
                reference, .failedPrecondition,
                "T9: no advance copy of the information about improvements (version 1) to nationalPanel, ofsted, secretaryOfState"
            ) {
                try await harness.schedule(reference, on: Fixtures.date("2027-01-14"))
            }
            try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2027-01-05"), of: .improvementsInformation)
            try await harness.expectRefused(reference, .failedPrecondition, "T9: 2027-01-13 is fewer than 7 working days") {
                try await harness.schedule(reference, on: Fixtures.date("2027-01-13"))
            }
            let scheduled = try await harness.schedule(reference, on: Fixtures.date("2027-01-14"))
            #expect(scheduled.schedule.document == .improvementsInformation)
            // After T7's due date (2026-12-20), as a late report would be: T8 asks for the notice.
            #expect(scheduled.deadlines.map(\.rule) == [.t8, .t9])
            let publication = try await harness.publication(reference)
            #expect(publication.document == .improvementsInformation)
            #expect(publication.notPublishingDecision == decided.decision)
            #expect(publication.milestones.map(\.event).contains("decidedNotToPublish"))
        }
    }

    @Test("P2, T10: the information about improvements is published, with its archive step a year on")
    func p2ImprovementsPublished() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.decideNotToPublish(reference, on: Fixtures.date("2026-12-30"))
            try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2026-12-30"), of: .improvementsInformation)
            let published = try await harness.recordPublished(reference, on: Fixtures.today)
            #expect(published.published.document == .improvementsInformation)
            #expect(published.deadlines.first { $0.rule == .t10 }?.due == Fixtures.date("2028-01-11"))
            let publication = try await harness.publication(reference)
            #expect(publication.state == .published)
            #expect(publication.milestones.last?.event == "improvementsInformationPublished")
            try await harness.expectRefused(
                reference, .failedPrecondition, "T10: the information about improvements (version 1) was published on 2027-01-11"
            ) {
                try await harness.decideNotToPublish(reference, on: Fixtures.today)
            }
        }
    }

    @Test(
        "P2: a decision without reasons, without who decided, without the Case Review Panel, or dated outside approval..today is refused naming the field",
        arguments: [
            ("reasons", " ", "Fictional: partners", true, "2027-01-05"),
            ("decidedBy", "Fictional: reasons", "", true, "2027-01-05"),
            ("caseReviewPanelAgreed", "Fictional: reasons", "Fictional: partners", false, "2027-01-05"),
            ("decidedOn", "Fictional: reasons", "Fictional: partners", true, "2026-11-30"),
            ("decidedOn", "Fictional: reasons", "Fictional: partners", true, "2027-01-12"),
        ])
    func p2DecisionChecked(path: String, reasons: String, decidedBy: String, panel: Bool, date: String) async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.expectRefused(reference, .invalidArgument, "\(path): P2:") {
                try await harness.decideNotToPublish(
                    reference, on: Fixtures.date(date), reasons: reasons, decidedBy: decidedBy, caseReviewPanelAgreed: panel)
            }
        }
    }

    @Test("P2: a second decision, or copies of the information about improvements before any decision, are refused naming P2")
    func p2OutOfOrder() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.expectRefused(reference, .failedPrecondition, "P2: the partners have not decided not to publish the report") {
                try await harness.recordAdvanceCopy(reference, to: .ofsted, sentOn: Fixtures.today, of: .improvementsInformation)
            }
            try await harness.decideNotToPublish(reference, on: Fixtures.date("2027-01-05"))
            try await harness.expectRefused(reference, .failedPrecondition, "P2: the partners decided on 2027-01-05 not to publish the report") {
                try await harness.decideNotToPublish(reference, on: Fixtures.today)
            }
            try await harness.expectRefused(reference, .invalidArgument, "sentOn: P2: 2027-01-04 is before the decision not to publish") {
                try await harness.recordAdvanceCopy(reference, to: .ofsted, sentOn: Fixtures.date("2027-01-04"), of: .improvementsInformation)
            }
        }
    }
}
