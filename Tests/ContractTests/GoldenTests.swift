import Contract
import Foundation
import RPC
import Testing

/// The wire names of the contract are pinned by files under `golden/`: renaming a Swift
/// property changes the JSON and fails here. `CSPR_UPDATE_GOLDEN=1 swift test` rewrites them
/// after an intended (additive) change.
@Suite("Golden JSON of the contract")
struct GoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("golden")

    static func pretty<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Instants on the wire are RFC 3339 UTC (JSONCodec), so they are in the golden files too.
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    static func check<T: Codable & Equatable>(_ name: String, _ value: T) throws {
        let file = directory.appendingPathComponent("\(name).json")
        let encoded = try pretty(value)
        if ProcessInfo.processInfo.environment["CSPR_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try encoded.write(to: file, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(encoded == golden, "the JSON of \(name) differs from golden/\(name).json")
        // And the golden text decodes to the same message.
        #expect(try JSONCodec.decode(T.self, from: Data(golden.utf8)) == value)
    }

    /// Every golden file and the sample it pins, with what it shows.
    static let files: [GoldenFile] = [
        GoldenFile("referral", Samples.referral, "the referral (Appendix 2) keeps its wire names"),
        GoldenFile("notification", Samples.notification, "the serious incident notification keeps its wire names"),
        GoldenFile("scoping-request", Samples.scopingRequest, "the scoping request keeps its wire names"),
        GoldenFile("scoping-return", Samples.scopingReturn, "the scoping return (Appendix 3) keeps its wire names"),
        GoldenFile("rapid-review-outcome", Samples.outcome, "the Rapid Review outcome (Appendix 5) keeps its wire names"),
        GoldenFile("open-rapid-review", Samples.openRapidReview, "the OpenRapidReview hand-over keeps its wire names"),
        GoldenFile("case-status", Samples.status, "the case status keeps its wire names"),
        GoldenFile(
            "get-statuses-request",
            GetStatusesRequest(since: StatusCursor(feed: "3f2a9c0d1e4b5a67", version: 1042), pageSize: 100),
            "GetStatuses' change-feed request keeps its wire names: the cursor is one string"),
        GoldenFile(
            "get-statuses-page",
            GetStatusesResponse(statuses: [Samples.status], next: StatusCursor(feed: "3f2a9c0d1e4b5a67", version: 1043), more: false),
            "a page of the change feed keeps its wire names: statuses, next cursor, more"),
        GoldenFile("admin-backup", AdminSamples.backup, "Backup keeps its wire names"),
        GoldenFile("admin-integrity-check", AdminSamples.integrityCheck, "IntegrityCheck keeps its wire names"),
        GoldenFile("admin-list-dead-letters", AdminSamples.listDeadLetters, "ListDeadLetters keeps its wire names"),
        GoldenFile("admin-retry-dead-letter", AdminSamples.retryDeadLetter, "RetryDeadLetter keeps its wire names"),
        GoldenFile("admin-get-audit-trail", AdminSamples.getAuditTrail, "GetAuditTrail keeps its wire names"),
        GoldenFile("gateway-list-cases-request", GatewaySamples.listRequest, "ListCases' filters keep their wire names"),
        GoldenFile("gateway-list-cases", GatewaySamples.list, "ListCases' answer keeps its wire names: cases, working days left, outages, as of"),
        GoldenFile("gateway-get-case", GatewaySamples.getCase, "GetCase's answer keeps its wire names"),
        GoldenFile("gateway-summary", GatewaySamples.summary, "GetSummary's answer keeps its wire names: stages, overdue by rule, T6 shares"),
        GoldenFile("rapid-review-schedule-meeting", Samples.scheduleMeeting, "ScheduleMeeting keeps its wire names"),
        GoldenFile("rapid-review-record-meeting", Samples.recordMeeting, "RecordMeeting keeps its wire names"),
        GoldenFile("rapid-review-agree-recommendation", Samples.agreeRecommendation, "AgreeRecommendation keeps its wire names"),
        GoldenFile("rapid-review-request-clarification", Samples.requestClarification, "RequestClarification keeps its wire names"),
        GoldenFile("rapid-review-ratify", Samples.ratify, "Ratify keeps its wire names"),
        GoldenFile("rapid-review-record-submission", Samples.recordSubmission, "RecordSubmission keeps its wire names"),
        GoldenFile("rapid-review-outcome-document", Samples.outcomeDocument, "GetOutcomeDocument keeps its wire names"),
        GoldenFile(
            "rapid-review-covering-letter", Samples.coveringLetter,
            "item 12: GetOutcomeDocument's covering letter to the National Panel: kind on the wire"),
        GoldenFile(
            "rapid-review-agree-recommendation-wt-2023", Samples.agreeRecommendationWT2023,
            "item 12: Working Together 2023's analysis in the decision: keyPracticeEpisodes, racismAndInequalities"),
        GoldenFile(
            "intake-get-outcome-particulars", Samples.outcomeParticulars, "item 12: GetOutcomeParticulars keeps its wire names"),
        GoldenFile("rapid-review-rapid-review", Samples.rapidReview, "GetRapidReview keeps its wire names"),
        GoldenFile("rapid-review-list", Samples.listRapidReviews, "ListRapidReviews keeps its wire names"),
        GoldenFile("commission-review", Samples.commissionReview, "the CommissionReview hand-over keeps its wire names"),
        GoldenFile("rapid-review-update", Samples.updateRapidReview, "the UpdateRapidReview hand-over keeps its wire names"),
        GoldenFile("rapid-review-record-action-done", Samples.recordActionDone, "RecordActionDone keeps its wire names; R4 on the wire"),
        GoldenFile("record-extension", Samples.recordExtension, "RecordExtension keeps its wire names (intake and rapid-review)"),
        GoldenFile(
            "intake-record-rapid-review-meeting", Samples.rapidReviewMeetingHeld, "the RecordRapidReviewMeeting hand-over keeps its wire names"),
        GoldenFile("review-record-national-panel-decision", Samples.recordNationalPanelDecision, "RecordNationalPanelDecision keeps its wire names"),
        GoldenFile("review-draft-terms-of-reference", Samples.draftTermsOfReference, "DraftTermsOfReference keeps Appendix 6's wire names"),
        GoldenFile("review-agree-terms-of-reference", Samples.agreeTermsOfReference, "AgreeTermsOfReference keeps its wire names"),
        GoldenFile("review-change-key-lines-of-enquiry", Samples.changeKeyLinesOfEnquiry, "ChangeKeyLinesOfEnquiry keeps its wire names"),
        GoldenFile("review-review", Samples.review, "GetReview keeps its wire names"),
        GoldenFile("review-list", Samples.listReviews, "ListReviews keeps its wire names"),
        GoldenFile("review-terms-of-reference-document", Samples.termsOfReferenceDocument, "GetTermsOfReferenceDocument keeps its wire names"),
        GoldenFile(
            "timescales", TimescaleTable(surrey2019: Timescales.all(.surrey2019), wt2023: Timescales.all(.workingTogether2023)),
            "the timescales T1-T10 keep their wire form"),
        GoldenFile("review-record-parallel-process", Samples.recordParallelProcess, "RecordParallelProcess keeps its wire names"),
        GoldenFile(
            "review-record-delay-decision", Samples.recordDelayDecision, "RecordDelayDecision keeps its wire names: T7 extended, original kept"),
        GoldenFile("review-record-forecast-completion", Samples.recordForecastCompletion, "RecordForecastCompletion keeps its wire names"),
        GoldenFile("review-record-delay-notice", Samples.recordDelayNotice, "RecordDelayNotice keeps its wire names (T8)"),
        GoldenFile("review-record-checkpoint", Samples.recordCheckpoint, "RecordCheckpoint keeps its wire names"),
        GoldenFile("review-review-with-oversight", Samples.reviewWithOversight, "GetReview keeps its wire names with the oversight record"),
        GoldenFile("review-appoint-lead-reviewer", Samples.appointLeadReviewer, "AppointLeadReviewer keeps its wire names"),
        GoldenFile("review-record-reviewer-notice", Samples.recordReviewerNotice, "RecordReviewerNotice keeps its wire names (V3)"),
        GoldenFile("review-set-review-team", Samples.setReviewTeam, "SetReviewTeam keeps its wire names (V4)"),
        GoldenFile("review-record-declaration", Samples.recordDeclaration, "RecordDeclaration keeps its wire names (§1.5.7)"),
        GoldenFile("review-review-with-team", Samples.reviewWithTeam, "GetReview with the lead reviewer and team keeps its wire names"),
        GoldenFile("review-request-agency-information", Samples.requestAgencyInformation, "RequestAgencyInformation keeps its wire names"),
        GoldenFile("review-agency-requests", Samples.agencyRequests, "GetAgencyRequests keeps its wire names"),
        GoldenFile("review-submit-chronology", Samples.submitChronology, "SubmitChronology keeps its wire names"),
        GoldenFile("review-combined-chronology", Samples.combinedChronology, "GetCombinedChronology keeps its wire names"),
        GoldenFile("review-submit-information-report", Samples.submitInformationReport, "SubmitInformationReport keeps Appendix 9's wire names"),
        GoldenFile("review-review-submission", Samples.reviewSubmission, "ReviewSubmission keeps its wire names"),
        GoldenFile("review-escalate-agency-request", Samples.escalateAgencyRequest, "EscalateAgencyRequest keeps its wire names"),
        GoldenFile("review-record-family-member", Samples.recordFamilyMember, "RecordFamilyMember keeps its wire names (V5, §7)"),
        GoldenFile("review-record-family-contact", Samples.recordFamilyContact, "RecordFamilyContact keeps its wire names (V5)"),
        GoldenFile("review-schedule-learning-event", Samples.scheduleLearningEvent, "ScheduleLearningEvent keeps its wire names (§8.8)"),
        GoldenFile("review-review-with-family", Samples.reviewWithFamily, "GetReview with the family and learning events keeps its wire names"),
        GoldenFile("review-submit-report-draft", Samples.submitReportDraft, "SubmitReportDraft keeps its wire names: sections, checklist (V9)"),
        GoldenFile(
            "review-report-version-step", Samples.reportVersionStep,
            "ConfirmTermsOfReferenceMet, EndorseRecommendations and ApproveReport keep their wire names"),
        GoldenFile("publication-prepare-publication", Samples.preparePublication, "the PreparePublication hand-over keeps its wire names"),
        GoldenFile("review-review-with-report", Samples.reviewWithReport, "GetReview with the report keeps its wire names"),
        GoldenFile(
            "review-schedule-learning-event-arranged", Samples.scheduleArrangedWorkshop,
            "ScheduleLearningEvent with the workshop's timings, venue and feedback date keeps its wire names (Appendix 12)"),
        GoldenFile("review-invite-to-learning-event", Samples.inviteToLearningEvent, "InviteToLearningEvent keeps its wire names (§8.8)"),
        GoldenFile(
            "review-record-learning-event-attendance", Samples.recordLearningEventAttendance, "RecordLearningEventAttendance keeps its wire names"),
        GoldenFile(
            "review-record-one-to-one-conversation", Samples.recordOneToOneConversation,
            "RecordOneToOneConversation keeps its wire names (Appendix 12)"),
        GoldenFile("review-record-learning-points", Samples.recordLearningPoints, "RecordLearningPoints keeps its wire names (§8.7, §9.2.1)"),
        GoldenFile("review-record-feedback-session", Samples.recordFeedbackSession, "RecordFeedbackSession keeps its wire names"),
        GoldenFile(
            "review-learning-event-document", Samples.learningEventDocument, "GetLearningEventDocument keeps its wire names (Appendices 12-14)"),
        GoldenFile(
            "review-record-quality-markers", Samples.recordQualityMarkers,
            "RecordQualityMarkers and the checklist's quality markers keep their wire names (Appendix 15 §4)"),
        GoldenFile(
            "review-review-with-learning-workshop", Samples.reviewWithLearningWorkshop, "GetReview with the learning workshop keeps its wire names"),
        GoldenFile(
            "check-disclosure-request", Samples.checkDisclosure,
            "CheckDisclosure's request keeps its wire names, for intake and review-management alike (P4)"),
        GoldenFile(
            "check-disclosure-response", Samples.disclosureFindings,
            "CheckDisclosure's findings keep their wire names and kinds, practitionerName among them (P4)"),
        GoldenFile("publication-get-publication", Samples.publication, "GetPublication keeps its wire names"),
        GoldenFile("publication-list-publications", Samples.listPublications, "ListPublications keeps its wire names: page size, offset, total"),
        GoldenFile("publication-record-advance-copy", Samples.recordAdvanceCopy, "RecordAdvanceCopy keeps its wire names (T9)"),
        GoldenFile("publication-schedule-publication", Samples.schedulePublication, "SchedulePublication keeps its wire names (T9, T8)"),
        GoldenFile("publication-record-published", Samples.recordPublished, "RecordPublished keeps its wire names (P5, T10)"),
        GoldenFile(
            "publication-record-repository-submission", Samples.recordRepositorySubmission,
            "RecordRepositorySubmission keeps its wire names (P5)"),
        GoldenFile(
            "publication-record-delay-notice", Samples.publicationRecordDelayNotice, "publication's RecordDelayNotice keeps its wire names (T8)"),
        GoldenFile("publication-decide-not-to-publish", Samples.decideNotToPublish, "DecideNotToPublish keeps its wire names (P2)"),
        GoldenFile(
            "publication-get-publication-of-improvements", Samples.publicationOfImprovements,
            "GetPublication after a decision not to publish keeps its wire names (P2)"),
        GoldenFile(
            "publication-check-report-for-disclosure", Samples.checkReportForDisclosure,
            "CheckReportForDisclosure keeps its wire names: findings by part, offset, length, line (P4, V10)"),
        GoldenFile("publication-sign-off-anonymisation", Samples.signOffAnonymisation, "SignOffAnonymisation keeps its wire names (P4)"),
        GoldenFile("publication-revise-report", Samples.reviseReport, "ReviseReport keeps its wire names (P4, T9)"),
        GoldenFile("publication-record-publication-plan", Samples.recordPublicationPlan, "RecordPublicationPlan keeps its wire names (P3)"),
        GoldenFile("publication-record-publication-hold", Samples.recordPublicationHold, "RecordPublicationHold keeps its wire names (P3)"),
        GoldenFile("publication-release-publication-hold", Samples.releasePublicationHold, "ReleasePublicationHold keeps its wire names (P3)"),
        GoldenFile("publication-record-archived", Samples.recordArchived, "RecordArchived keeps its wire names (T10)"),
        GoldenFile(
            "publication-get-publication-with-gate-and-plan", Samples.publicationWithGateAndPlan,
            "GetPublication with the anonymisation gate, the plan, holds and the archive keeps its wire names"),
        GoldenFile("publication-add-action-plan-item", Samples.addActionPlanItem, "AddActionPlanItem keeps Appendix 16's wire names (P6)"),
        GoldenFile("publication-record-action-progress", Samples.recordActionProgress, "RecordActionProgress keeps its wire names: RAG rating"),
        GoldenFile("publication-close-action-plan-item", Samples.closeActionPlanItem, "CloseActionPlanItem keeps its wire names: the evidence (P6)"),
        GoldenFile("publication-get-action-plan", Samples.actionPlan, "GetActionPlan keeps its wire names: items, P6 deadlines"),
        GoldenFile(
            "publication-record-learning-plan", Samples.recordLearningPlan, "RecordLearningPlan keeps its wire names: how, to whom, by when (§11.3.2)"
        ),
        GoldenFile("publication-record-national-learning", Samples.recordNationalLearning, "RecordNationalLearning keeps its wire names (§11.5.1)"),
        GoldenFile("publication-list-national-learning", Samples.listNationalLearning, "ListNationalLearning keeps its wire names: page, total"),
        GoldenFile(
            "publication-published-listing", Samples.publishedListing, "GET /published.json keeps its wire names: reference, title, date, address"),
        GoldenFile("publication-get-yearly-report", Samples.getYearlyReport, "GetYearlyReport keeps its wire names: figures per rule, sources, CSV"),
    ]

    @Test("every message keeps its wire names: its JSON is its golden file's, and the file decodes to it", arguments: files)
    func pinned(_ file: GoldenFile) throws { try file.check() }

    @Test("JSONCodec's own encoder and decoder take every golden message and agree with Foundation's byte for byte", arguments: files)
    func ownCodecAgrees(_ file: GoldenFile) throws { try file.checkOwnCodec() }

    /// Our encoder writes what `JSONEncoder` (sorted keys, unescaped slashes, ISO 8601) writes,
    /// without handing the value to Foundation; our decoder reads the golden file and the
    /// compact form back to the same message, again without Foundation.
    static func checkOwnCodec<T: Codable & Equatable>(_ name: String, _ value: T) throws {
        let foundation = JSONEncoder()
        foundation.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        foundation.dateEncodingStrategy = .iso8601
        let expected = try foundation.encode(value)
        let own = try #require(JSONCodec.encodeWithoutFoundation(value), "\(name): our encoder left the message to Foundation")
        #expect(String(decoding: own, as: UTF8.self) == String(decoding: expected, as: UTF8.self), "\(name): our bytes differ from JSONEncoder's")
        #expect(try JSONCodec.encode(value) == expected)
        let golden = try Data(contentsOf: directory.appendingPathComponent("\(name).json"))
        #expect(JSONCodec.decodeWithoutFoundation(T.self, from: golden) == value, "\(name): our decoder did not read the golden file")
        #expect(JSONCodec.decodeWithoutFoundation(T.self, from: expected) == value, "\(name): our decoder did not read the compact form")
    }
}

/// One golden file (`golden/<name>.json`) and the sample whose JSON it pins.
struct GoldenFile: Sendable, CustomTestStringConvertible {
    let name: String
    let shows: String
    let check: @Sendable () throws -> Void
    let checkOwnCodec: @Sendable () throws -> Void

    init<Message: Codable & Equatable & Sendable>(_ name: String, _ sample: Message, _ shows: String) {
        self.name = name
        self.shows = shows
        check = { try GoldenTests.check(name, sample) }
        checkOwnCodec = { try GoldenTests.checkOwnCodec(name, sample) }
    }

    var testDescription: String { "\(name): \(shows)" }
}

/// T1-T10 under both rule sets, as one golden file.
struct TimescaleTable: Codable, Equatable, Sendable {
    var surrey2019: [Timescale]
    var wt2023: [Timescale]
}
