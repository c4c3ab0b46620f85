import Contract
import WorkingDays

extension Publication {
    /// What publication expects next, as the step code the panel's dashboard words: the advance
    /// copies (T9), the anonymisation gate (P4), a standing hold (P3), the date, publishing (T10,
    /// P5), then the action plan (P6) and the archive step; nil when nothing is left.
    func nextStep(_ clock: CaseClock) -> String? {
        switch state {
        case .planning:
            if !t9Standing(clock).missing.isEmpty { return "sendAdvanceCopies" }
            let gate = gate(of: reportVersion)
            if gate.latest == nil || gate.latest?.clean == false { return "checkReportForDisclosure" }
            if gate.signOff == nil { return "signOffAnonymisation" }
            if !holdsStanding.isEmpty { return "awaitParallelProceedings" }
            return "schedulePublication"
        case .notPublishingReport: return "publishImprovementsInformation"
        case .scheduled: return "recordPublished"
        case .published: return stepAfterPublishing
        }
    }

    /// Once published: an action plan for the recommendations, its follow-up, then the archive step.
    private var stepAfterPublishing: String? {
        if actionItems.isEmpty { return preparation.recommendations.isEmpty ? archiveStep : "agreeActionPlan" }
        if !actionPlan.allClosed { return "followUpActionPlan" }
        return archiveStep
    }

    private var archiveStep: String? { archived == nil ? "archiveAfterAYear" : nil }
}
