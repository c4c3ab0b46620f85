import Contract
import WorkingDays

extension Review {
    /// T7: six calendar months from the decision to commission a local CSPR, three for another
    /// learning review (c, e); none while a national review waits for the National Panel, nor
    /// when the partners commission nothing locally (RULES.md, Anchors made precise). Met once
    /// the review completes (`completedOn`, a later step); open until then. A recorded decision
    /// to delay moves its due date and keeps the original (`t7ExtendedTo`).
    func t7(_ clock: CaseClock, completedOn: CivilDate? = nil) -> Deadline? {
        guard let local = localCommission else { return nil }
        let timescale = Timescales.rule(.t7, ruleSet).counted(for: local.kind)
        return Deadline.compute(
            timescale, from: local.decidedOn, metOn: completedOn, today: clock.today, calendar: clock.calendar, ruleSet: ruleSet,
            extendedTo: t7ExtendedTo, subject: timescale.appliesTo)
    }

    /// Every deadline that applies now, in rule order.
    func deadlines(_ clock: CaseClock) -> [Deadline] { [t7(clock, completedOn: reportApproval?.on), t8(clock)].compactMap { $0 } }
}
