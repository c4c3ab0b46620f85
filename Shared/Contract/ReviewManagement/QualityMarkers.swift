import RPC
import WorkingDays

// MARK: - Appendix 15 §4, "Checklist – Quality Markers": the lead reviewer's answers, advisory

extension ReviewManagementAPI {
    /// One of the seven SCIE / NSPCC quality markers (Appendix 15 §4), in the framework's order.
    package enum QualityMarker: String, WireEnum {
        /// Does the structure make the relevant analysis and findings easy to identify?
        case structureMakesFindingsClear
        /// Does the amount of information satisfy privacy while making the analysis accessible?
        case privacyBalancedWithInformation
        /// Do the findings or recommendations reflect the areas of priority for improvement?
        case findingsReflectPriorities
        /// Do the findings explain practice rather than only describe it?
        case findingsExplainPractice
        /// Is there transparency in how conclusions were reached?
        case conclusionsTransparent
        /// Does the report manage accessibility and explain complex issues?
        case accessibleExplanation
        /// Is the tone and choice of words appropriate?
        case toneAppropriate

        /// The question as Appendix 15 §4 puts it.
        package var question: String {
            switch self {
            case .structureMakesFindingsClear:
                "Does the structure of the report make it straightforward to identify relevant analysis and findings?"
            case .privacyBalancedWithInformation:
                "Does the amount of information provided satisfy the need for privacy while making the analysis accessible?"
            case .findingsReflectPriorities:
                "Does the report contain findings and/or recommendations that reflect the areas deemed as priority for improvement?"
            case .findingsExplainPractice:
                "Do these findings and/or recommendations address explanations of practice or remain only descriptive?"
            case .conclusionsTransparent: "Is there transparency in how conclusions have been reached?"
            case .accessibleExplanation:
                "Does the report adequately manage accessibility and explaining complex professional and organisational issues?"
            case .toneAppropriate: "Is the tone and choice of words appropriate to the review?"
            }
        }
    }

    /// The lead reviewer's answer to a quality marker.
    package enum QualityMarkerAnswer: String, WireEnum {
        /// Yes.
        case yes
        /// In part.
        case partly
        /// No.
        case no
    }

    /// An answer with its marker and an optional comment.
    package struct QualityMarkerResponse: Sendable, Equatable, Codable {
        /// The marker.
        package var marker: QualityMarker
        /// The answer.
        package var answer: QualityMarkerAnswer
        /// Why, or what is to be done.
        package var comment: String?

        package init(marker: QualityMarker, answer: QualityMarkerAnswer, comment: String? = nil) {
            self.marker = marker
            self.answer = answer
            self.comment = comment
        }
    }

    /// `RecordQualityMarkers`' request: the lead reviewer's answers for one report version; a
    /// later answer to the same marker of the same version replaces it.
    package struct RecordQualityMarkersRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The report version.
        package var version: Int
        /// The answers, each marker at most once.
        package var answers: [QualityMarkerResponse]

        package init(caseReference: CaseReference, version: Int, answers: [QualityMarkerResponse]) {
            self.caseReference = caseReference
            self.version = version
            self.answers = answers
        }
    }

    /// Answers as recorded.
    package struct QualityMarkersRecord: Sendable, Equatable, Codable {
        /// The report version.
        package var version: Int
        /// The answers.
        package var answers: [QualityMarkerResponse]
        /// When recorded.
        package var recordedOn: CivilDate
        /// Who recorded them.
        package var recordedBy: String

        package init(version: Int, answers: [QualityMarkerResponse], recordedOn: CivilDate, recordedBy: String) {
            self.version = version
            self.answers = answers
            self.recordedOn = recordedOn
            self.recordedBy = recordedBy
        }
    }

    /// One marker on a version's checklist: answered or not. Advisory (Appendix 15 §4: questions
    /// "reviewers may wish to consider"): it never decides `ReportChecklist.passes`.
    package struct QualityMarkerEntry: Sendable, Equatable, Codable {
        /// The marker.
        package var marker: QualityMarker
        /// The lead reviewer's answer; absent while unanswered.
        package var answer: QualityMarkerAnswer?
        /// The comment given with it.
        package var comment: String?

        package init(marker: QualityMarker, answer: QualityMarkerAnswer? = nil, comment: String? = nil) {
            self.marker = marker
            self.answer = answer
            self.comment = comment
        }
    }

    /// `RecordQualityMarkers`' answer: the version's checklist with the markers as now answered.
    package struct RecordQualityMarkersResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The answers recorded.
        package var record: QualityMarkersRecord
        /// The version's checklist.
        package var checklist: ReportChecklist

        package init(caseReference: CaseReference, record: QualityMarkersRecord, checklist: ReportChecklist) {
            self.caseReference = caseReference
            self.record = record
            self.checklist = checklist
        }
    }
}
