import Contract
import WorkingDays

/// Recording an agency's completed scoping form (§4.3.4, Appendix 3).
extension IntakeCase {
    /// The checks that need no case: who completed it, dates real and in order.
    static func checkScopingReturn(_ scopingReturn: ScopingReturn, today: CivilDate) throws(IntakeError) {
        let validation = FormValidation(today: today)
        try FormLimits.scopingReturn(scopingReturn, "scopingReturn")
        try validation.required(scopingReturn.agency.name, "scopingReturn.agency.name")
        try validation.contact(scopingReturn.completedBy, "scopingReturn.completedBy")
        try validation.notFuture(scopingReturn.dateCompleted, "scopingReturn.dateCompleted")
        try validation.notFuture(scopingReturn.dateReceived, "scopingReturn.dateReceived")
        try validation.notFuture(scopingReturn.recordsSecuredOn, "scopingReturn.recordsSecuredOn")
        if scopingReturn.dateCompleted > scopingReturn.dateReceived {
            throw .invalid(field: "scopingReturn.dateCompleted", problem: "is after the date the form was received (\(scopingReturn.dateReceived))")
        }
        if scopingReturn.knownToAgency {
            // Appendix 3 §2: an agency that knew the family summarises its involvement.
            try validation.required(scopingReturn.involvementSummary ?? "", "scopingReturn.involvementSummary")
        }
    }

    /// T3 for this return: met, or met late (a late return is accepted and marked late), judged
    /// against a recorded extension's date when there is one.
    /// Refuses a return from an agency not asked (T2), received before it was asked, or
    /// returned already.
    func receivingScopingReturn(_ scopingReturn: ScopingReturn, clock: CaseClock, ruleSet: RuleSet) throws(IntakeError) -> Deadline {
        let agency = AgencyKey.of(scopingReturn.agency.name)
        guard let asked = requests.first(where: { AgencyKey.of($0.agency.name) == agency }) else {
            throw .precondition(
                rule: .t2,
                problem: "no scoping request was sent to \(scopingReturn.agency.name) for this case; record it with SendScopingRequests first")
        }
        if scopingReturn.dateReceived < asked.dateSent {
            throw .invalid(field: "scopingReturn.dateReceived", problem: "is before the request was sent (\(asked.dateSent))")
        }
        if returns.contains(where: { AgencyKey.of($0.agency.name) == agency }) {
            throw .alreadyExists(field: "scopingReturn.agency.name", problem: "\(scopingReturn.agency.name) has already returned its scoping form")
        }
        guard
            let deadline = Deadline.compute(
                Timescales.rule(.t3, ruleSet), from: anchor, metOn: scopingReturn.dateReceived, today: clock.today, calendar: clock.calendar,
                ruleSet: ruleSet, extendedTo: DeadlineExtension.extendedDue(extensions, .t3, subject: asked.agency.name),
                subject: asked.agency.name)
        else { throw .timescaleNotCounted(.t3) }
        return deadline
    }
}
