import Contract
import WorkingDays

/// Extending intake's deadlines by a recorded decision (RULES.md; issue 15, item 5).
extension IntakeCase {
    /// The timescales intake owns; T4 and T6 in its report are rapid-review's to extend.
    static let extendableRules: [TimescaleRule] = [.t1, .t2, .t3]

    /// The extension `request` asks for, granted by `principal`: a deadline of T1-T3 not met,
    /// with a reason and a new date later than the current due date.
    func extending(_ request: RecordExtensionRequest, by principal: String, clock: CaseClock, ruleSet: RuleSet) throws(IntakeError)
        -> DeadlineExtension
    {
        do {
            return try DeadlineExtension.granting(
                request, deadlines: deadlines(clock: clock, ruleSet: ruleSet), owned: Self.extendableRules, owner: "intake", by: principal,
                today: clock.today)
        } catch {
            switch error {
            case .invalid(let field, let problem): throw .invalid(field: field, problem: problem)
            case .notExtendable(let rule, let problem): throw .precondition(rule: FrameworkRule(rule), problem: problem)
            }
        }
    }

    /// The deadline of `rule` and `subject` as it now stands.
    func deadline(_ rule: TimescaleRule, subject: String?, clock: CaseClock, ruleSet: RuleSet) -> Deadline? {
        deadlines(clock: clock, ruleSet: ruleSet).first { $0.rule == rule && $0.subject == subject }
    }
}
