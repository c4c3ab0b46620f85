import WorkingDays

extension PublicationAPI {
    /// The anonymisation gate as `GetPublication` shows it (P4, V10).
    package struct AnonymisationGateView: Sendable, Equatable, Codable {
        /// Every revision made here, oldest first: the latest is the version to be published.
        package var revisions: [ReportRevision]
        /// Every check, oldest first.
        package var checks: [DisclosureCheck]
        /// Every sign-off, oldest first.
        package var signOffs: [AnonymisationSignOff]
        /// True when the version to be published has a clean check and a sign-off after it:
        /// it may be scheduled and published.
        package var passed: Bool
        package init(revisions: [ReportRevision], checks: [DisclosureCheck], signOffs: [AnonymisationSignOff], passed: Bool) {
            self.revisions = revisions
            self.checks = checks
            self.signOffs = signOffs
            self.passed = passed
        }
    }

    /// The publication plan, the holds and the archive step as `GetPublication` shows them.
    package struct PublicationPlanningView: Sendable, Equatable, Codable {
        /// Every version of the plan, oldest first: the latest is in force (P3).
        package var plans: [PublicationPlan]
        /// Every hold, oldest first.
        package var holds: [PublicationHold]
        /// Every release.
        package var releases: [PublicationHoldRelease]
        /// The numbers of the holds still standing: while any stands, nothing is scheduled.
        package var holdsStanding: [Int]
        /// The earliest review date of the holds standing; past today means a review is overdue.
        package var nextHoldReview: CivilDate?
        /// The archive step, once recorded (T10).
        package var archived: ArchiveRecord?
        package init(
            plans: [PublicationPlan], holds: [PublicationHold], releases: [PublicationHoldRelease], holdsStanding: [Int],
            nextHoldReview: CivilDate?, archived: ArchiveRecord?
        ) {
            self.plans = plans
            self.holds = holds
            self.releases = releases
            self.holdsStanding = holdsStanding
            self.nextHoldReview = nextHoldReview
            self.archived = archived
        }
    }
}
