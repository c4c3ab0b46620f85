import WorkingDays

extension PublicationAPI {
    /// `RecordLearningPlan`: the plan for disseminating and sharing a review's learning with every
    /// relevant agency (§11.3.2): how, to whom, by when. Recorded per case: it is the learning
    /// from that review. A later plan replaces it, both kept.
    package struct RecordLearningPlanRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// How: e.g. single or multi-agency meetings, briefing notes for team meetings and supervision.
        package var how: String
        /// To whom: the agencies and audiences.
        package var audiences: [String]
        /// By when.
        package var byWhen: CivilDate
        package init(caseReference: CaseReference, how: String, audiences: [String], byWhen: CivilDate) {
            self.caseReference = caseReference
            self.how = how
            self.audiences = audiences
            self.byWhen = byWhen
        }
    }

    /// A plan for sharing the learning, as recorded.
    package struct LearningPlan: Sendable, Equatable, Codable {
        /// Its number on the case, from 1; the latest is in force.
        package var number: Int
        /// How.
        package var how: String
        /// To whom.
        package var audiences: [String]
        /// By when.
        package var byWhen: CivilDate
        /// When and by whom it was recorded.
        package var recordedOn: CivilDate
        package var recordedBy: String
        package init(number: Int, how: String, audiences: [String], byWhen: CivilDate, recordedOn: CivilDate, recordedBy: String) {
            self.number = number
            self.how = how
            self.audiences = audiences
            self.byWhen = byWhen
            self.recordedOn = recordedOn
            self.recordedBy = recordedBy
        }
    }

    /// `RecordLearningPlan`'s answer.
    package struct RecordLearningPlanResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The plan as recorded.
        package var plan: LearningPlan
        package init(caseReference: CaseReference, plan: LearningPlan) {
            self.caseReference = caseReference
            self.plan = plan
        }
    }

    /// `RecordNationalLearning`: learning the Case Review Panel took from a national review
    /// (§11.5.1). Recorded per partnership, not per case: it comes from outside the
    /// partnership's own cases and applies to its practice as a whole.
    package struct RecordNationalLearningRequest: Sendable, Equatable, Codable {
        /// Which national review or report (e.g. a National Panel thematic review).
        package var nationalReview: String
        /// What was taken from it, and how it is to be applied locally.
        package var learningTaken: String
        /// By when it is to be applied.
        package var byWhen: CivilDate
        package init(nationalReview: String, learningTaken: String, byWhen: CivilDate) {
            self.nationalReview = nationalReview
            self.learningTaken = learningTaken
            self.byWhen = byWhen
        }
    }

    /// Learning from a national review, as recorded.
    package struct NationalLearning: Sendable, Equatable, Codable {
        /// Its number in the partnership's list, from 1.
        package var number: Int
        /// Which national review or report.
        package var nationalReview: String
        /// What was taken.
        package var learningTaken: String
        /// By when.
        package var byWhen: CivilDate
        /// When and by whom it was recorded.
        package var recordedOn: CivilDate
        package var recordedBy: String
        package init(number: Int, nationalReview: String, learningTaken: String, byWhen: CivilDate, recordedOn: CivilDate, recordedBy: String) {
            self.number = number
            self.nationalReview = nationalReview
            self.learningTaken = learningTaken
            self.byWhen = byWhen
            self.recordedOn = recordedOn
            self.recordedBy = recordedBy
        }
    }

    /// `ListNationalLearning`'s request: a page.
    package struct ListNationalLearningRequest: Sendable, Equatable, Codable {
        /// 1-1000, default 100.
        package var pageSize: Int?
        /// From 0, default 0.
        package var offset: Int?
        package init(pageSize: Int? = nil, offset: Int? = nil) {
            self.pageSize = pageSize
            self.offset = offset
        }
    }

    /// `ListNationalLearning`'s answer: a page, oldest first, and how many there are.
    package struct ListNationalLearningResponse: Sendable, Equatable, Codable {
        /// The page.
        package var learning: [NationalLearning]
        /// How many in all.
        package var total: Int
        package init(learning: [NationalLearning], total: Int) {
            self.learning = learning
            self.total = total
        }
    }
}
