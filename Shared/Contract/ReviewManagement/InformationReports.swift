import RPC
import WorkingDays

// MARK: - Information reports (V7, §8.5, Appendix 9, Appendix 11)

extension ReviewManagementAPI {
    /// A declaration about operational involvement in the case (Appendix 9: "to maintain
    /// independence, neither the individual completing this report nor the Senior Officer
    /// endorsing it should have had any direct involvement in this case").
    package enum InvolvementDeclaration: String, WireEnum {
        /// They declare no operational involvement in the management of the case.
        case noInvolvement
        /// They declare they were involved: refused (V7).
        case involved
    }

    /// Someone named on the form, with their involvement declared.
    package struct ReportPerson: Sendable, Equatable, Codable {
        /// Who.
        package var name: String
        /// Their agency and designation or title.
        package var designation: String?
        /// Address, telephone number and e-mail address.
        package var contactDetails: String?
        /// Their declaration about operational involvement (V7); absent is not declared.
        package var involvement: InvolvementDeclaration?

        package init(name: String, designation: String? = nil, contactDetails: String? = nil, involvement: InvolvementDeclaration? = nil) {
            self.name = name
            self.designation = designation
            self.contactDetails = contactDetails
            self.involvement = involvement
        }
    }

    /// Section 1.1: parallel processes and investigations in the agency.
    package struct ReportParallelProcesses: Sendable, Equatable, Codable {
        /// Whether the agency is undertaking an internal, multi-agency or parallel process.
        package var underway: Bool?
        /// Its type and who leads it, when one is.
        package var details: String?

        package init(underway: Bool? = nil, details: String? = nil) {
            self.underway = underway
            self.details = details
        }
    }

    /// Section 1.2: the sources of information.
    package struct ReportSources: Sendable, Equatable, Codable {
        /// When the files were secured.
        package var filesSecuredOn: CivilDate?
        /// By whom.
        package var filesSecuredBy: String?
        /// The documents reviewed, and any not seen with why.
        package var documentsReviewed: String?
        /// The interviews undertaken.
        package var interviews: String?

        package init(filesSecuredOn: CivilDate? = nil, filesSecuredBy: String? = nil, documentsReviewed: String? = nil, interviews: String? = nil) {
            self.filesSecuredOn = filesSecuredOn
            self.filesSecuredBy = filesSecuredBy
            self.documentsReviewed = documentsReviewed
            self.interviews = interviews
        }
    }

    /// Section 1.3: the summary of the agency's involvement with the child and family.
    package struct ReportInvolvementSummary: Sendable, Equatable, Codable {
        /// 3.1: the Case Summary's details reviewed.
        package var caseSummaryReviewed: Bool?
        /// 3.1: corrections and additional information on the people in the case.
        package var corrections: String?
        /// 3.2: contextual information not captured elsewhere.
        package var context: String?

        package init(caseSummaryReviewed: Bool? = nil, corrections: String? = nil, context: String? = nil) {
            self.caseSummaryReviewed = caseSummaryReviewed
            self.corrections = corrections
            self.context = context
        }
    }

    /// Section 3.7: single agency learning.
    package struct ReportSingleAgencyLearning: Sendable, Equatable, Codable {
        /// Actions already implemented.
        package var implemented: String?
        /// Actions planned.
        package var planned: String?

        package init(implemented: String? = nil, planned: String? = nil) {
            self.implemented = implemented
            self.planned = planned
        }
    }

    /// Appendix 9, field by field. It names practitioners and the family: every read audited.
    package struct InformationReport: Sendable, Equatable, Codable {
        /// The individual completing the form and their declaration.
        package var author: ReportPerson
        /// The date the form was completed.
        package var completedOn: CivilDate
        /// The senior officer endorsing it and their declaration (V7).
        package var endorser: ReportPerson?
        /// The date the agency's senior officer endorsed it (V7).
        package var endorsedOn: CivilDate?
        /// 1. Parallel processes and investigations.
        package var parallelProcesses: ReportParallelProcesses
        /// 2. Sources of information.
        package var sources: ReportSources
        /// 3. Summary of the agency's involvement.
        package var involvementSummary: ReportInvolvementSummary
        /// 4. Analysis of involvement, addressing the key lines of enquiry.
        package var analysis: String?
        /// 5. Good practice identified.
        package var goodPractice: String?
        /// 6. Key learning points.
        package var keyLearning: String?
        /// 7. Single agency learning.
        package var singleAgencyLearning: ReportSingleAgencyLearning
        /// 8. Multi-agency learning for the review team to consider.
        package var multiAgencyLearning: String?
        /// 9. Other relevant information.
        package var otherInformation: String?

        package init(
            author: ReportPerson, completedOn: CivilDate, endorser: ReportPerson? = nil, endorsedOn: CivilDate? = nil,
            parallelProcesses: ReportParallelProcesses = .init(), sources: ReportSources = .init(),
            involvementSummary: ReportInvolvementSummary = .init(), analysis: String? = nil, goodPractice: String? = nil,
            keyLearning: String? = nil, singleAgencyLearning: ReportSingleAgencyLearning = .init(), multiAgencyLearning: String? = nil,
            otherInformation: String? = nil
        ) {
            self.author = author
            self.completedOn = completedOn
            self.endorser = endorser
            self.endorsedOn = endorsedOn
            self.parallelProcesses = parallelProcesses
            self.sources = sources
            self.involvementSummary = involvementSummary
            self.analysis = analysis
            self.goodPractice = goodPractice
            self.keyLearning = keyLearning
            self.singleAgencyLearning = singleAgencyLearning
            self.multiAgencyLearning = multiAgencyLearning
            self.otherInformation = otherInformation
        }
    }

    /// `SubmitInformationReport`'s request: an agency's report, a new version each time.
    package struct SubmitInformationReportRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The agency submitting, as it was asked.
        package var agency: String
        /// The report.
        package var report: InformationReport

        package init(caseReference: CaseReference, agency: String, report: InformationReport) {
            self.caseReference = caseReference
            self.agency = agency
            self.report = report
        }
    }

    /// An information report as submitted.
    package struct InformationReportSubmission: Sendable, Equatable, Codable {
        /// The agency, kind `informationReport` and version.
        package var key: SubmissionKey
        /// The report.
        package var report: InformationReport
        /// When it was submitted.
        package var submittedOn: CivilDate
        /// Who recorded it.
        package var submittedBy: String

        package init(key: SubmissionKey, report: InformationReport, submittedOn: CivilDate, submittedBy: String) {
            self.key = key
            self.report = report
            self.submittedOn = submittedOn
            self.submittedBy = submittedBy
        }
    }

    /// `SubmitInformationReport`'s response: what the submission is known by.
    package struct SubmitInformationReportResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The agency, kind and version: what `ReviewSubmission` names.
        package var submission: SubmissionKey

        package init(caseReference: CaseReference, submission: SubmissionKey) {
            self.caseReference = caseReference
            self.submission = submission
        }
    }
}
