import Contract
import WorkingDays

/// Extending the Rapid Review's deadlines by a recorded decision (RULES.md; issue 15, item 5):
/// the National Panel relaxed T6 nationally in March 2020, and a police request can hold a case.
extension RapidReviewCase {
    /// The timescales this stage owns.
    static let extendableRules: [TimescaleRule] = [.t4, .t5, .t6]

    /// The extension `request` asks for, granted by `principal`: a deadline of T4-T6 not met,
    /// with a reason and a new date later than the current due date.
    func extending(_ request: RecordExtensionRequest, by principal: String, clock: CaseClock) throws(RapidReviewError) -> DeadlineExtension {
        do {
            return try DeadlineExtension.granting(
                request, deadlines: CaseDeadlines(rapidReview: self, clock: clock).all, owned: Self.extendableRules, owner: "rapid-review",
                by: principal, today: clock.today)
        } catch {
            switch error {
            case .invalid(let field, let problem): throw .invalidField(path: field, rule: nil, problem: problem)
            case .notExtendable(let rule, let problem): throw .outOfOrder(rule: FrameworkRule(rule), problem: problem)
            }
        }
    }
}
