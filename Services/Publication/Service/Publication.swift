import Contract
import WorkingDays

/// One publication as this service holds it: the facts recorded, in order. Its state is
/// derived from them, never stored, so it cannot disagree with them.
struct Publication: Sendable, Equatable {
    /// review-management's hand-over, as received (P1).
    var preparation: PublicationAPI.PreparePublicationRequest
    /// When the hand-over was applied.
    var preparedOn: CivilDate
    /// Every advance copy recorded, in the order recorded (T9).
    var advanceCopies: [PublicationAPI.AdvanceCopy] = []
    /// Every schedule, oldest first: the latest is in force.
    var schedules: [PublicationAPI.PublicationSchedule] = []
    /// The publication, once recorded (P5, T10).
    var published: PublicationAPI.PublishedReport? = nil
    /// Every record of the NSPCC repository submission, oldest first: the latest is in force (P5).
    var repositorySubmissions: [PublicationAPI.RepositorySubmission] = []
    /// Every notice of delay recorded here (T8), oldest first.
    var delayNotices: [ReviewManagementAPI.DelayNotice] = []
    /// The partners' decision not to publish the report (P2), if they made one.
    var notPublishingDecision: PublicationAPI.NotPublishingDecision? = nil
    /// Every revision made here, oldest first: each a new version of the report (P4).
    var revisions: [PublicationAPI.ReportRevision] = []
    /// Every anonymisation check, oldest first (P4, V10).
    var disclosureChecks: [PublicationAPI.DisclosureCheck] = []
    /// Every anonymisation sign-off, oldest first (P4).
    var anonymisationSignOffs: [PublicationAPI.AnonymisationSignOff] = []
    /// Every version of the publication plan, oldest first (P3).
    var plans: [PublicationAPI.PublicationPlan] = []
    /// Every hold for parallel proceedings, oldest first.
    var holds: [PublicationAPI.PublicationHold] = []
    /// Every release of a hold.
    var holdReleases: [PublicationAPI.PublicationHoldRelease] = []
    /// The archive step, once recorded (T10).
    var archived: PublicationAPI.ArchiveRecord? = nil
    /// The action plan's items (P6), each with its progress and closure.
    var actionItems: [PublicationAPI.ActionPlanItem] = []

    var reference: CaseReference { preparation.caseReference }
    var ruleSet: RuleSet { preparation.ruleSet }

    /// The report version to be published: the one the board approved, or the latest revision
    /// made here (P4: any revision is a new version).
    var reportVersion: Int { revisions.last?.reportVersion ?? preparation.reportVersion }

    /// What is to be published: the report, or after a decision not to publish it, the
    /// information about improvements instead (P2).
    var document: PublicationAPI.PublicationDocument { notPublishingDecision == nil ? .report : .improvementsInformation }

    /// The version of `document` to be published: the report's, or 1 for the information about
    /// improvements (one version of it is recorded so far).
    var versionInForce: Int { document == .report ? reportVersion : 1 }

    /// The schedules of the document to be published (a decision not to publish sets the
    /// report's aside).
    var schedulesInForce: [PublicationAPI.PublicationSchedule] { schedules.filter { $0.document == document } }

    /// Where the publication stands.
    var state: PublicationAPI.PublicationState {
        if published != nil { return .published }
        if !schedulesInForce.isEmpty { return .scheduled }
        return notPublishingDecision == nil ? .planning : .notPublishingReport
    }

    /// The publication date in force: the date published, else the latest scheduled; nil before either.
    var publicationDate: CivilDate? { published?.publishedOn ?? schedulesInForce.last?.publicationDate }

    /// The case's stage here.
    var stage: CaseStage { actionPlanStage ?? .publication }
}
