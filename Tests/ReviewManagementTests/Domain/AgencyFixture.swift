import Contract
import Testing
import WorkingDays

@testable import ReviewManagementService

/// Agencies' requests and submissions built by the review's own step functions: fictional
/// agencies, contacts and entries.
enum AgencyFixture {
    static let agencies = ["Testshire Police", "Testshire Council Children's Services", "Testshire Health"]

    /// `agency`'s request for both its chronology and its information report, due `due`.
    static func request(
        _ agency: String, due: CivilDate = Fixtures.date("2025-05-01"),
        asks: [ReviewManagementAPI.AgencySubmissionKind] = [
            .chronology, .informationReport,
        ]
    ) -> ReviewManagementAPI.RequestAgencyInformationRequest {
        .init(
            caseReference: Fixtures.reference(1), agency: agency,
            contact: .init(name: "Lee Contact", designation: "Safeguarding Lead", contactDetails: "Fictional: 01234 000000"), asks: asks,
            dueOn: due)
    }

    /// An agreed review with each of `agencies` asked for both.
    static func asked(_ agencies: [String] = agencies) throws(ReviewManagementError) -> Review {
        var review = try ReviewFixture.agreed()
        for agency in agencies {
            review.agencyRequests.append(
                try review.requestingAgencyInformation(request(agency), by: ReviewFixture.team, clock: ReviewFixture.clock()))
        }
        return review
    }

    /// An entry inside the review period (2024-01-01 to 2025-03-20).
    static func entry(_ date: String, _ time: String?, _ event: String) -> ReviewManagementAPI.ChronologyEntry {
        .init(date: Fixtures.date(date), time: time, event: event, source: "Fictional: case record", period: .inside)
    }

    /// `review` with `agency`'s chronology of `entries` submitted.
    static func submitting(_ review: Review, _ agency: String, _ entries: [ReviewManagementAPI.ChronologyEntry]) throws(ReviewManagementError)
        -> Review
    {
        var updated = review
        updated.chronologies.append(
            try review.submittingChronology(
                .init(caseReference: review.reference, agency: agency, entries: entries), by: ReviewFixture.team, clock: ReviewFixture.clock()))
        return updated
    }

    /// An information report meeting V7: endorsed by someone else, both declaring no involvement.
    static let report = ReviewManagementAPI.InformationReport(
        author: .init(name: "Alex Author", designation: "Fictional: named nurse", involvement: .noInvolvement),
        completedOn: Fixtures.date("2025-04-01"),
        endorser: .init(name: "Sam Senior", designation: "Fictional: head of safeguarding", involvement: .noInvolvement),
        endorsedOn: Fixtures.date("2025-04-03"), analysis: "Fictional: analysis of involvement")

    /// `review` with `decision` on `key` recorded by the review team.
    static func deciding(_ review: Review, _ key: ReviewManagementAPI.SubmissionKey, _ outcome: ReviewManagementAPI.SubmissionOutcome)
        throws(ReviewManagementError) -> Review
    {
        var updated = review
        updated.submissionDecisions.append(
            try review.reviewingSubmission(
                .init(
                    caseReference: review.reference, submission: key, outcome: outcome,
                    question: outcome == .sentBack ? "Fictional: what happened after the strategy meeting?" : nil),
                by: ReviewFixture.team, clock: ReviewFixture.clock()))
        return updated
    }
}
