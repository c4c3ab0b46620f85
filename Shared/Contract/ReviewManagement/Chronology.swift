import RPC
import WorkingDays

// MARK: - Agencies' chronologies and the Combined Key Events Chronology (V6, §8.4)

extension ReviewManagementAPI {
    /// Whether an entry falls inside the period the terms of reference set (§8.4.1: significant
    /// events outside it are included too).
    package enum ReviewPeriodPlacement: String, WireEnum {
        /// Inside the review period.
        case inside
        /// Outside it, included as significant.
        case outside
    }

    /// One entry of an agency's chronology. Its event may name practitioners and the family.
    package struct ChronologyEntry: Sendable, Equatable, Codable {
        /// When it happened.
        package var date: CivilDate
        /// The time of day, `HH:MM` (24-hour), when known.
        package var time: String?
        /// What happened.
        package var event: String
        /// Where the agency found it, e.g. the record it comes from.
        package var source: String
        /// Inside or outside the review period.
        package var period: ReviewPeriodPlacement

        package init(date: CivilDate, time: String? = nil, event: String, source: String, period: ReviewPeriodPlacement) {
            self.date = date
            self.time = time
            self.event = event
            self.source = source
            self.period = period
        }
    }

    /// `SubmitChronology`'s request: an agency's whole chronology, a new version each time.
    package struct SubmitChronologyRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The agency submitting, as it was asked.
        package var agency: String
        /// Its entries, in any order.
        package var entries: [ChronologyEntry]

        package init(caseReference: CaseReference, agency: String, entries: [ChronologyEntry]) {
            self.caseReference = caseReference
            self.agency = agency
            self.entries = entries
        }
    }

    /// What identifies a submission: the agency, what it is and its version (V8: a submission
    /// sent back is submitted again as the next version).
    package struct SubmissionKey: Sendable, Equatable, Hashable, Codable {
        /// The agency.
        package var agency: String
        /// A chronology or an information report.
        package var kind: AgencySubmissionKind
        /// 1 for the first submission, then 2, 3...
        package var version: Int

        package init(agency: String, kind: AgencySubmissionKind, version: Int) {
            self.agency = agency
            self.kind = kind
            self.version = version
        }
    }

    /// An agency's chronology as submitted.
    package struct ChronologySubmission: Sendable, Equatable, Codable {
        /// The agency, kind `chronology` and version.
        package var key: SubmissionKey
        /// Its entries as given.
        package var entries: [ChronologyEntry]
        /// When it was submitted.
        package var submittedOn: CivilDate
        /// Who recorded it.
        package var submittedBy: String

        package init(key: SubmissionKey, entries: [ChronologyEntry], submittedOn: CivilDate, submittedBy: String) {
            self.key = key
            self.entries = entries
            self.submittedOn = submittedOn
            self.submittedBy = submittedBy
        }
    }

    /// `SubmitChronology`'s response: what the submission is known by.
    package struct SubmitChronologyResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The agency, kind and version: what `ReviewSubmission` names.
        package var submission: SubmissionKey
        /// How many entries it holds.
        package var entries: Int

        package init(caseReference: CaseReference, submission: SubmissionKey, entries: Int) {
            self.caseReference = caseReference
            self.submission = submission
            self.entries = entries
        }
    }

    /// How `GetCombinedChronology` answers.
    package enum ChronologyFormat: String, WireEnum {
        /// The entries as JSON.
        case json
        /// The entries and an RFC 4180 CSV rendering with a header row.
        case csv
    }

    /// `GetCombinedChronology`'s request.
    package struct GetCombinedChronologyRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// `json` (when absent) or `csv`.
        package var format: ChronologyFormat?

        package init(caseReference: CaseReference, format: ChronologyFormat? = nil) {
            self.caseReference = caseReference
            self.format = format
        }
    }

    /// One entry of the Combined Key Events Chronology: an agency's entry, keeping its agency.
    package struct CombinedChronologyEntry: Sendable, Equatable, Codable {
        /// The agency whose chronology it comes from.
        package var agency: String
        /// The entry.
        package var entry: ChronologyEntry

        package init(agency: String, entry: ChronologyEntry) {
            self.agency = agency
            self.entry = entry
        }
    }

    /// The Combined Key Events Chronology (V6): the latest chronology of every agency merged,
    /// by date, then time (an entry without a time first on its day), then agency, then the
    /// agency's own order.
    package struct CombinedChronology: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The chronology each agency's entries come from, by agency.
        package var sources: [SubmissionKey]
        /// The entries, ordered.
        package var entries: [CombinedChronologyEntry]
        /// `text/csv` when asked for CSV.
        package var mediaType: String?
        /// The RFC 4180 CSV (CRLF line ends, a header row) when asked for it.
        package var csv: String?

        /// The media type of the CSV rendering.
        package static let csvMediaType = "text/csv"

        package init(caseReference: CaseReference, sources: [SubmissionKey], entries: [CombinedChronologyEntry], csv: String? = nil) {
            self.caseReference = caseReference
            self.sources = sources
            self.entries = entries
            self.mediaType = csv == nil ? nil : Self.csvMediaType
            self.csv = csv
        }
    }
}
