import WorkingDays

extension PublicationAPI {
    /// Where an action plan item came from (§11, Appendix 16's "Recommendation" column).
    package enum ActionSource: String, WireEnum {
        /// One of the board's endorsed recommendations of the report (P6), numbered.
        case recommendation
        /// An immediate action agreed at the Rapid Review (§4, §11.2).
        case rapidReviewImmediateAction
        /// A Rapid Review decided h: a single-agency response.
        case decisionH
        /// A Rapid Review decided i: no review, learning taken forward otherwise.
        case decisionI
    }

    /// The RAG rating of a progress update (Appendix 16, "Progress Update (and RAG rating)").
    package enum RAGRating: String, WireEnum {
        case red
        case amber
        case green
    }

    /// Where an action plan item stands.
    package enum ActionItemStatus: String, WireEnum {
        /// Agreed, not yet shown to be sustained.
        case open
        /// Closed with evidence that the improvement is sustained (P6, §11.4.1).
        case closed
    }

    /// `AddActionPlanItem`: one agreed action (Appendix 16's row: recommendation, agreed
    /// actions, responsible person, timescale).
    package struct AddActionPlanItemRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Where it came from.
        package var source: ActionSource
        /// The recommendation's number in the report, for `recommendation` only.
        package var recommendationNumber: Int?
        /// The agreed action.
        package var agreedAction: String
        /// The agency that owns it (a single-agency action belongs to its agency).
        package var ownerAgency: String
        /// The lead officer: a role or title in the owner agency, not a person's name.
        package var leadOfficer: String
        /// The target date (Appendix 16's "Timescale").
        package var targetDate: CivilDate
        package init(
            caseReference: CaseReference, source: ActionSource, recommendationNumber: Int? = nil, agreedAction: String, ownerAgency: String,
            leadOfficer: String, targetDate: CivilDate
        ) {
            self.caseReference = caseReference
            self.source = source
            self.recommendationNumber = recommendationNumber
            self.agreedAction = agreedAction
            self.ownerAgency = ownerAgency
            self.leadOfficer = leadOfficer
            self.targetDate = targetDate
        }
    }

    /// A progress update on an item: what was done, and its RAG rating.
    package struct ProgressUpdate: Sendable, Equatable, Codable {
        /// When.
        package var date: CivilDate
        /// The actions taken and progress (Appendix 16's "Actions Taken", "Progress Update").
        package var text: String
        /// The RAG rating.
        package var rag: RAGRating
        /// Who recorded it.
        package var recordedBy: String
        package init(date: CivilDate, text: String, rag: RAGRating, recordedBy: String) {
            self.date = date
            self.text = text
            self.rag = rag
            self.recordedBy = recordedBy
        }
    }

    /// The evidence an item's improvement is sustained (Appendix 16's "Evidence of impact /
    /// outcome"; §11.4.1): what it is, when and by whom it was judged.
    package struct SustainedEvidence: Sendable, Equatable, Codable {
        /// The evidence of impact.
        package var evidence: String
        /// When it was judged sustained.
        package var judgedOn: CivilDate
        /// Who judged it (a role or body, e.g. the Case Review Panel).
        package var judgedBy: String
        /// Who recorded it.
        package var recordedBy: String
        package init(evidence: String, judgedOn: CivilDate, judgedBy: String, recordedBy: String) {
            self.evidence = evidence
            self.judgedOn = judgedOn
            self.judgedBy = judgedBy
            self.recordedBy = recordedBy
        }
    }

    /// One action plan item with everything recorded on it.
    package struct ActionPlanItem: Sendable, Equatable, Codable {
        /// Its number on the case's plan, from 1.
        package var number: Int
        /// Where it came from.
        package var source: ActionSource
        /// The recommendation's number, for `recommendation`.
        package var recommendationNumber: Int?
        /// The agreed action.
        package var agreedAction: String
        /// The agency that owns it.
        package var ownerAgency: String
        /// The lead officer (a role or title).
        package var leadOfficer: String
        /// The target date.
        package var targetDate: CivilDate
        /// When it was added, and by whom.
        package var addedOn: CivilDate
        package var addedBy: String
        /// Every progress update, oldest first.
        package var progress: [ProgressUpdate]
        /// The evidence it was closed on, once closed.
        package var closure: SustainedEvidence?
        /// Open, or closed with evidence.
        package var status: ActionItemStatus
        package init(
            number: Int, source: ActionSource, recommendationNumber: Int?, agreedAction: String, ownerAgency: String, leadOfficer: String,
            targetDate: CivilDate, addedOn: CivilDate, addedBy: String, progress: [ProgressUpdate] = [], closure: SustainedEvidence? = nil,
            status: ActionItemStatus = .open
        ) {
            self.number = number
            self.source = source
            self.recommendationNumber = recommendationNumber
            self.agreedAction = agreedAction
            self.ownerAgency = ownerAgency
            self.leadOfficer = leadOfficer
            self.targetDate = targetDate
            self.addedOn = addedOn
            self.addedBy = addedBy
            self.progress = progress
            self.closure = closure
            self.status = status
        }
    }

    /// `AddActionPlanItem`'s, `RecordActionProgress`'s and `CloseActionPlanItem`'s answer: the
    /// item as it now stands and the case's stage.
    package struct ActionPlanItemResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The item.
        package var item: ActionPlanItem
        /// The case's stage here (`actionPlan`, or `closed` once every item is closed).
        package var stage: CaseStage
        package init(caseReference: CaseReference, item: ActionPlanItem, stage: CaseStage) {
            self.caseReference = caseReference
            self.item = item
            self.stage = stage
        }
    }

    /// `RecordActionProgress`: a progress update on item `itemNumber`.
    package struct RecordActionProgressRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The item.
        package var itemNumber: Int
        /// When.
        package var date: CivilDate
        /// Actions taken and progress.
        package var text: String
        /// The RAG rating.
        package var rag: RAGRating
        package init(caseReference: CaseReference, itemNumber: Int, date: CivilDate, text: String, rag: RAGRating) {
            self.caseReference = caseReference
            self.itemNumber = itemNumber
            self.date = date
            self.text = text
            self.rag = rag
        }
    }

    /// `CloseActionPlanItem`: item `itemNumber` closed on the evidence its improvement is sustained (P6).
    package struct CloseActionPlanItemRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The item.
        package var itemNumber: Int
        /// The evidence of impact; required (P6).
        package var evidence: String?
        /// When it was judged sustained; required (P6).
        package var judgedOn: CivilDate?
        /// Who judged it; required (P6).
        package var judgedBy: String?
        package init(caseReference: CaseReference, itemNumber: Int, evidence: String?, judgedOn: CivilDate?, judgedBy: String?) {
            self.caseReference = caseReference
            self.itemNumber = itemNumber
            self.evidence = evidence
            self.judgedOn = judgedOn
            self.judgedBy = judgedBy
        }
    }

    /// `GetActionPlan`: a case's action plan (Appendix 16) with its target dates as deadlines.
    package struct ActionPlan: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The case's stage here.
        package var stage: CaseStage
        /// Every item, in number order.
        package var items: [ActionPlanItem]
        /// The numbers of the hand-over's recommendations with no item yet (P6: each becomes items).
        package var recommendationsWithoutItems: [Int]
        /// One deadline per item: its target date (rule `P6`).
        package var deadlines: [Deadline]
        /// Every plan for sharing the learning, oldest first; the latest is in force (§11.3.2).
        package var learningPlans: [LearningPlan]
        package init(
            caseReference: CaseReference, stage: CaseStage, items: [ActionPlanItem], recommendationsWithoutItems: [Int], deadlines: [Deadline],
            learningPlans: [LearningPlan] = []
        ) {
            self.learningPlans = learningPlans
            self.caseReference = caseReference
            self.stage = stage
            self.items = items
            self.recommendationsWithoutItems = recommendationsWithoutItems
            self.deadlines = deadlines
        }
    }
}
