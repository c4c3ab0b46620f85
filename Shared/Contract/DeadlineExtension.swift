import WorkingDays

/// A recorded decision extending a deadline (RULES.md: who agreed it, when, why, the new date).
/// The original due date is kept beside the new one (`Deadline.originalDue`): "met" is judged
/// against the new date, and "met late" against the original stays visible.
package struct DeadlineExtension: Sendable, Equatable, Codable {
    /// The timescale extended.
    package var rule: TimescaleRule
    /// Which of the rule's deadlines, when it has several (T1's two, T2 and T3 per agency).
    package var subject: String?
    /// The due date before this extension (the computed one, or an earlier extension's).
    package var previousDue: CivilDate
    /// The new due date.
    package var newDue: CivilDate
    /// Why it was extended (e.g. the National Panel's relaxation, a police request to delay).
    package var reason: String
    /// When the decision was taken.
    package var agreedOn: CivilDate
    /// Who took it: the principal of the role that may grant it.
    package var agreedBy: String

    package init(
        rule: TimescaleRule, subject: String?, previousDue: CivilDate, newDue: CivilDate, reason: String, agreedOn: CivilDate, agreedBy: String
    ) {
        self.rule = rule
        self.subject = subject
        self.previousDue = previousDue
        self.newDue = newDue
        self.reason = reason
        self.agreedOn = agreedOn
        self.agreedBy = agreedBy
    }

    /// True when this extension is of `deadline`'s rule and subject (subjects compared without
    /// regard to case or spacing).
    package func extends(_ rule: TimescaleRule, subject: String?) -> Bool {
        self.rule == rule && Self.key(self.subject) == Self.key(subject)
    }

    /// The due date `extensions` give the deadline of `rule` and `subject`: the latest one's.
    package static func extendedDue(_ extensions: [DeadlineExtension], _ rule: TimescaleRule, subject: String?) -> CivilDate? {
        extensions.last { $0.extends(rule, subject: subject) }?.newDue
    }

    private static func key(_ subject: String?) -> String { AgencyKey.of(subject ?? "") }
}

/// `RecordExtension`'s request, the same for every stage that owns deadlines.
package struct RecordExtensionRequest: Sendable, Equatable, Codable {
    /// The case.
    package var caseReference: CaseReference
    /// The timescale to extend: one this stage owns.
    package var rule: TimescaleRule
    /// Which of the rule's deadlines, when it has several.
    package var subject: String?
    /// The new due date: later than the current one.
    package var newDue: CivilDate
    /// Why: required.
    package var reason: String
    /// When the decision was taken; today when absent.
    package var agreedOn: CivilDate?

    package init(
        caseReference: CaseReference, rule: TimescaleRule, subject: String? = nil, newDue: CivilDate, reason: String, agreedOn: CivilDate? = nil
    ) {
        self.caseReference = caseReference
        self.rule = rule
        self.subject = subject
        self.newDue = newDue
        self.reason = reason
        self.agreedOn = agreedOn
    }
}

/// `RecordExtension`'s answer: the decision as recorded and the deadline it changed.
package struct RecordExtensionResponse: Sendable, Equatable, Codable {
    /// The case.
    package var caseReference: CaseReference
    /// The decision recorded.
    package var decision: DeadlineExtension
    /// The deadline now: `due` the new date, `originalDue` the computed one.
    package var deadline: Deadline

    package init(caseReference: CaseReference, decision: DeadlineExtension, deadline: Deadline) {
        self.caseReference = caseReference
        self.decision = decision
        self.deadline = deadline
    }
}

/// Why a `RecordExtension` is refused, for each stage to map to its own error.
package enum ExtensionRefusal: Error, Equatable {
    /// A field is missing or wrong: the field's path and the problem.
    case invalid(field: String, problem: String)
    /// The deadline cannot be extended (another stage's, already met, none such).
    case notExtendable(rule: TimescaleRule, problem: String)
}

extension DeadlineExtension {
    /// The extension `request` asks for, checked against the case's `deadlines` as they stand
    /// (extensions already applied), granted by `principal`: a rule of `owned`, one deadline named, not met, a reason,
    /// a decision not in the future, and a new date later than the current due date.
    package static func granting(
        _ request: RecordExtensionRequest, deadlines: [Deadline], owned: [TimescaleRule], owner: String, by principal: String, today: CivilDate
    ) throws(ExtensionRefusal) -> DeadlineExtension {
        guard owned.contains(request.rule) else {
            let names = owned.map(\.rawValue).joined(separator: ", ")
            throw .notExtendable(rule: request.rule, problem: "\(owner) extends \(names) only; \(request.rule.rawValue) is another stage's")
        }
        let reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            throw .invalid(field: "reason", problem: "\(request.rule.rawValue): an extension is a recorded decision: say why")
        }
        let agreedOn = request.agreedOn ?? today
        guard agreedOn <= today else { throw .invalid(field: "agreedOn", problem: "\(agreedOn) is after today (\(today))") }
        let candidates = deadlines.filter { $0.rule == request.rule }
        let matching =
            request.subject == nil ? candidates : candidates.filter { DeadlineExtension.key($0.subject) == DeadlineExtension.key(request.subject) }
        guard let deadline = matching.first else {
            throw .notExtendable(rule: request.rule, problem: "the case has no such \(request.rule.rawValue) deadline open")
        }
        guard matching.count == 1 else {
            let subjects = matching.compactMap(\.subject).joined(separator: "; ")
            throw .invalid(field: "subject", problem: "\(request.rule.rawValue) has several deadlines: name one of \(subjects)")
        }
        if let met = deadline.metOn {
            throw .notExtendable(rule: request.rule, problem: "\(request.rule.rawValue) was met on \(met); nothing to extend")
        }
        guard request.newDue > deadline.due else {
            throw .invalid(
                field: "newDue", problem: "\(request.rule.rawValue): \(request.newDue) is not later than the current due date \(deadline.due)")
        }
        return DeadlineExtension(
            rule: request.rule, subject: deadline.subject, previousDue: deadline.due, newDue: request.newDue, reason: reason, agreedOn: agreedOn,
            agreedBy: principal)
    }
}
