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

    package init(reference: CaseReference, stage: CaseStage, milestones: [Milestone], deadlines: [Deadline]) {
        self.reference = reference
        self.stage = stage
        self.milestones = milestones
        self.deadlines = deadlines
    }

    /// The earliest deadline not yet met.
    package var nextDeadline: Deadline? {
        deadlines.filter { $0.metOn == nil }.min { $0.due < $1.due }
    }

    private enum CodingKeys: String, CodingKey {
        case reference, stage, milestones, deadlines, nextDeadline
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        reference = try container.decode(CaseReference.self, forKey: .reference)
        stage = try container.decode(CaseStage.self, forKey: .stage)
        milestones = try container.decode([Milestone].self, forKey: .milestones)
        deadlines = try container.decode([Deadline].self, forKey: .deadlines)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reference, forKey: .reference)
        try container.encode(stage, forKey: .stage)
        try container.encode(milestones, forKey: .milestones)
        try container.encode(deadlines, forKey: .deadlines)
        try container.encodeIfPresent(nextDeadline, forKey: .nextDeadline)
    }
}
