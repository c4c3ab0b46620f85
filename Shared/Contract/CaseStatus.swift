import WorkingDays

/// The stage a case is in.
package enum CaseStage: String, WireEnum {
    case intake
    case rapidReview
    case review
    case publication
    case actionPlan
    case closed
}

/// A step a case has reached, and when. (Called `event`, not `name`: the status has no field
/// that could be taken for a person's name.)
package struct Milestone: Sendable, Equatable, Codable {
    /// What was reached, e.g. `referralReceived`, `scopingRequestsSent`, `meetingHeld`.
    package var event: String
    /// When.
    package var date: CivilDate

    package init(event: String, date: CivilDate) {
        self.event = event
        self.date = date
    }
}

/// A case as the gateway shows it. It carries no personal data by construction: there is no
/// field for a name, an address or a date of birth.
package struct CaseStatus: Sendable, Equatable, Codable {
    /// The case.
    package var reference: CaseReference
    /// Its stage.
    package var stage: CaseStage
    /// Milestones reached, in order.
    package var milestones: [Milestone]
    /// Its deadlines.
    package var deadlines: [Deadline]
    /// What the stage expects next, as a step code like `agreeTermsOfReference` (the pages word
    /// it as milestones are worded); nil when the stage expects nothing. A code, never free text,
    /// so that no personal detail can travel in it.
    package var nextStep: String?

    package init(reference: CaseReference, stage: CaseStage, milestones: [Milestone], deadlines: [Deadline], nextStep: String? = nil) {
        self.reference = reference
        self.stage = stage
        self.milestones = milestones
        self.deadlines = deadlines
        self.nextStep = nextStep
    }

    /// The earliest deadline not yet met.
    package var nextDeadline: Deadline? {
        deadlines.filter { $0.metOn == nil }.min { $0.due < $1.due }
    }

    private enum CodingKeys: String, CodingKey {
        case reference, stage, milestones, deadlines, nextDeadline, nextStep
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        reference = try container.decode(CaseReference.self, forKey: .reference)
        stage = try container.decode(CaseStage.self, forKey: .stage)
        milestones = try container.decode([Milestone].self, forKey: .milestones)
        deadlines = try container.decode([ReportedDeadline].self, forKey: .deadlines).compactMap(\.deadline)
        nextStep = try container.decodeIfPresent(String.self, forKey: .nextStep)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reference, forKey: .reference)
        try container.encode(stage, forKey: .stage)
        try container.encode(milestones, forKey: .milestones)
        try container.encode(deadlines, forKey: .deadlines)
        try container.encodeIfPresent(nextDeadline, forKey: .nextDeadline)
        try container.encodeIfPresent(nextStep, forKey: .nextStep)
    }
}

/// A deadline as a stage reports it. One whose rule this code does not know (a newer stage's)
/// is left out, so the gateway still reads the rest of the stage's answer rather than showing
/// the stage as unavailable; any other bad field still fails at its path.
private struct ReportedDeadline: Decodable {
    let deadline: Deadline?

    private struct RuleOnly: Decodable {
        let rule: String
    }

    init(from decoder: any Decoder) throws {
        // Decoded once; the rule is looked at again only when that fails (the gateway reads
        // every stage's statuses every few seconds).
        do {
            deadline = try Deadline(from: decoder)
        } catch let error as DecodingError {
            guard let rule = try? RuleOnly(from: decoder).rule, TimescaleRule(rawValue: rule) == nil else { throw error }
            deadline = nil
        }
    }
}
