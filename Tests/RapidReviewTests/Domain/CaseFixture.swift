import Contract
import RPC
import ServiceTestSupport
import Testing
import WorkingDays

@testable import RapidReviewService

/// A `RapidReviewCase` at each step, built from `Fixtures` by the case's own step functions
/// (no RPC, no database), so every fixture is a case the rules allowed.
enum CaseFixture {
    /// The harness's today, 2025-04-07.
    static let today = Fixtures.date(TestDirectory.today)
    static let support = "Pat.Support"
    static let panel = "Sam.Panel"
    static let chair = "Ivy.Chair"

    static func clock(_ today: CivilDate = today) -> CaseClock {
        CaseClock(today: today, calendar: WorkingCalendar())
    }

    /// A case just handed over by intake.
    static func opened(
        _ scenario: Fixtures.Scenario = .onTime, ruleSet: RuleSet = .surrey2019, notifiedNationalPanel: CivilDate? = nil, sequence: Int = 1
    ) -> RapidReviewCase {
        let handOver = Fixtures.handOver(
            Fixtures.reference(sequence), referralReceived: scenario.referralReceived, ruleSet: ruleSet, notifiedNationalPanel: notifiedNationalPanel)
        return RapidReviewCase(handOver: handOver, openedOn: scenario.referralReceived)
    }

    /// A case taken through the valid steps up to `step`: the meeting scheduled and held on the
    /// scenario's date; the recommendation agreed and ratified that day; the submission today.
    static func rapidReview(
        through step: Harness.Step, _ scenario: Fixtures.Scenario = .onTime, recommendation: Recommendation = .localReview,
        ruleSet: RuleSet = .surrey2019
    ) throws(RapidReviewError) -> RapidReviewCase {
        var rapidReview = opened(scenario, ruleSet: ruleSet)
        guard step >= .scheduled else { return rapidReview }
        let meetingDay = clock(scenario.meetingDate)
        rapidReview.schedule.append(
            try rapidReview.scheduling(
                .init(caseReference: rapidReview.reference, date: scenario.meetingDate, format: .faceToFace),
                by: support, clock: clock(scenario.referralReceived)))
        guard step >= .meetingHeld else { return rapidReview }
        rapidReview.meetings.append(
            try rapidReview.recordingMeeting(Fixtures.meeting(rapidReview.reference, on: scenario.meetingDate), by: panel, clock: meetingDay))
        guard step >= .recommended else { return rapidReview }
        rapidReview.recommendations.append(
            try rapidReview.agreeing(
                .init(caseReference: rapidReview.reference, decision: Fixtures.decision(recommendation)), by: panel, clock: meetingDay))
        guard step >= .ratified else { return rapidReview }
        rapidReview.ratification = try rapidReview.ratifying(
            .init(caseReference: rapidReview.reference, comments: "Fictional: endorsed"), by: chair, clock: meetingDay)
        guard step >= .submitted else { return rapidReview }
        rapidReview.submission = try rapidReview.submitting(
            .init(caseReference: rapidReview.reference, submittedToNationalPanel: today, sharedWith: Fixtures.sharing(on: today)), by: support,
            clock: clock())
        return rapidReview
    }
}

/// The refusal `body` threw, or nil when it did not refuse. Any other error is an issue:
/// the steps throw only `RapidReviewError` (their closures here are not inferred as typed).
func refusal<T>(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T) -> RapidReviewError? {
    do {
        _ = try body()
        return nil
    } catch let error as RapidReviewError {
        return error
    } catch {
        Issue.record("not a RapidReviewError: \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

extension RapidReviewError {
    /// The field an invalid-argument refusal names; nil for any other refusal.
    var field: String? {
        guard case .invalidField(let path, _, _) = self else { return nil }
        return path
    }

    /// The rule the refusal names, if any.
    var rule: FrameworkRule? {
        switch self {
        case .invalidField(_, let rule, _): return rule
        case .outOfOrder(let rule, _): return rule
        case .disclosureCheckFailed: return .p4
        case .notOpen, .timescaleNotCounted, .intakeUnanswered: return nil
        }
    }

    /// True for a step out of order (FAILED_PRECONDITION).
    var isOutOfOrder: Bool {
        guard case .outOfOrder = self else { return false }
        return true
    }

    /// The message the caller reads.
    var message: String { rpcError.message }
}

/// A named change to a request or record, for `arguments:` tables.
struct Change<Value>: Sendable, CustomTestStringConvertible {
    let label: String
    let apply: @Sendable (inout Value) -> Void

    init(_ label: String, _ apply: @escaping @Sendable (inout Value) -> Void) {
        self.label = label
        self.apply = apply
    }

    var testDescription: String { label }

    func applied(to value: Value) -> Value {
        var changed = value
        apply(&changed)
        return changed
    }
}
