import Contract
import GatewayService
import GatewayStandIns
import Testing
import WorkingDays

@Suite("Merging the stages' statuses by case reference")
struct StatusMergeTests {
    static let intake = ServiceIdentity.intake
    static let rapidReview = ServiceIdentity.rapidReview

    static func merged() -> [MergedCase] {
        StatusMerge.merge([(intake, Fixtures.intake), (rapidReview, Fixtures.rapidReview)])
    }

    static func find(_ reference: String) -> MergedCase? {
        merged().first { $0.reference.description == reference }
    }

    @Test("each case appears once, in reference order, with the stages that know it")
    func oneEntryPerCase() {
        let cases = Self.merged()
        #expect(
            cases.map(\.reference.description) == [
                "TESTSHIRE-2024-0042", "TESTSHIRE-2025-0001", "TESTSHIRE-2025-0002", "TESTSHIRE-2025-0003", "TESTSHIRE-2025-0005",
            ])
        #expect(Self.find("TESTSHIRE-2025-0002")?.reportedBy.map(\.name) == ["intake", "rapid-review"])
        #expect(Self.find("TESTSHIRE-2024-0042")?.reportedBy.map(\.name) == ["rapid-review"])
    }

    @Test("the later stage wins the stage, whichever service answers first")
    func laterStageWins() {
        #expect(Self.find("TESTSHIRE-2025-0002")?.stage == .rapidReview)
        let reversed = StatusMerge.merge([(Self.rapidReview, Fixtures.rapidReview), (Self.intake, Fixtures.intake)])
        #expect(reversed == Self.merged())
    }

    @Test("milestones of every stage are unioned by date, without repeats")
    func milestonesUnioned() {
        let doubled = StatusMerge.merge([(Self.intake, Fixtures.intake + Fixtures.intake), (Self.rapidReview, Fixtures.rapidReview)])
        let milestones = doubled.first { $0.reference.description == "TESTSHIRE-2025-0002" }?.milestones
        #expect(milestones?.map(\.event) == ["referralReceived", "scopingRequestsSent", "meetingHeld", "outcomeRatified"])
    }

    @Test("T6: when two stages report a rule, the later stage's deadline wins; other rules are unioned")
    func laterStageWinsTheRule() {
        let deadlines = Self.find("TESTSHIRE-2025-0002")?.deadlines ?? []
        #expect(deadlines.map(\.deadline.rule) == [.t2, .t3, .t4, .t5, .t6])
        let t6 = deadlines.filter { $0.deadline.rule == .t6 }
        #expect(t6.count == 1)
        #expect(t6.first?.reportedBy.name == "rapid-review")
        #expect(t6.first?.deadline.metOn == Fixtures.date("2025-03-20"))
    }

    @Test("the next step is the one of the service reporting the case's stage; an earlier stage's step is history")
    func nextStepOfTheCurrentStage() {
        let reference = Fixtures.reference("TESTSHIRE-2025-0009")
        let atIntake = CaseStatus(reference: reference, stage: .intake, milestones: [], deadlines: [], nextStep: "sendScopingRequests")
        let atRapidReview = CaseStatus(reference: reference, stage: .rapidReview, milestones: [], deadlines: [], nextStep: "recordMeeting")
        #expect(StatusMerge.merge([(Self.intake, [atIntake])]).first?.nextStep == "sendScopingRequests")
        #expect(StatusMerge.merge([(Self.intake, [atIntake]), (Self.rapidReview, [atRapidReview])]).first?.nextStep == "recordMeeting")
        var silent = atRapidReview
        silent.nextStep = nil
        #expect(StatusMerge.merge([(Self.intake, [atIntake]), (Self.rapidReview, [silent])]).first?.nextStep == nil)
    }

    @Test("T1 twice from one stage (National Panel, partners) stays twice")
    func sameRuleTwiceFromOneStage() {
        let t1 = Deadline(rule: .t1, due: Fixtures.date("2025-03-26"), status: .open, ruleSet: .surrey2019)
        let status = CaseStatus(reference: Fixtures.reference("TESTSHIRE-2025-0009"), stage: .intake, milestones: [], deadlines: [t1, t1])
        #expect(StatusMerge.merge([(Self.intake, [status])]).first?.deadlines.count == 2)
    }
}
