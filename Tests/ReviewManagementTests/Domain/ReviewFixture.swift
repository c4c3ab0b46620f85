import Contract
import Testing
import WorkingDays

@testable import ReviewManagementService

/// A `Review` at each step, built by the review's own step functions (no RPC, no database), so
/// every fixture is a review the rules allowed.
enum ReviewFixture {
    static let team = "Rev.Team"
    static let panel = "Sam.Panel"

    static func clock(_ today: CivilDate = Fixtures.today) -> CaseClock { CaseClock(today: today, calendar: WorkingCalendar()) }

    /// A review just commissioned by rapid-review.
    static func commissioned(kind: Recommendation = .localReview, decided: CivilDate = Fixtures.date("2025-04-03"), ruleSet: RuleSet = .surrey2019)
        -> Review
    {
        Review(commission: Fixtures.commission(Fixtures.reference(1), kind: kind, decided: decided, ruleSet: ruleSet), commissionedOn: decided)
    }

    /// A local review with `terms` drafted as version 1.
    static func drafted(_ terms: TermsOfReference = Fixtures.completeTerms) throws(ReviewManagementError) -> Review {
        var review = commissioned()
        review.versions.append(try review.drafting(.init(caseReference: review.reference, termsOfReference: terms), by: team, clock: clock()))
        return review
    }

    /// A local review whose complete terms of reference the panel agreed today.
    static func agreed() throws(ReviewManagementError) -> Review {
        var review = try drafted()
        review.agreement = try review.agreeing(
            .init(caseReference: review.reference, version: 1, agreedOn: Fixtures.today), by: panel, clock: clock())
        return review
    }
}

/// A named change to a value, for `arguments:` tables.
struct Change<Value>: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let apply: @Sendable (inout Value) -> Void

    init(_ description: String, _ apply: @escaping @Sendable (inout Value) -> Void) {
        testDescription = description
        self.apply = apply
    }

    func applied(to value: Value) -> Value {
        var changed = value
        apply(&changed)
        return changed
    }
}

/// The message a `ReviewManagementError` gives the caller.
func message(_ error: ReviewManagementError) -> String { error.rpcError.message }

/// The error `body` throws, or nil when it succeeds.
func refusal<T>(_ body: () throws(ReviewManagementError) -> T) -> ReviewManagementError? {
    do {
        _ = try body()
        return nil
    } catch { return error }
}
