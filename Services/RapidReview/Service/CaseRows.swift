import Contract
import Foundation
import RPC
import ServiceKit
import Storage
import WorkingDays

/// Reads a Rapid Review back from its rows.
enum CaseRows {
    /// Every case reference held, in order.
    static func allReferences(_ db: some DatabaseAccess) throws -> [CaseReference] {
        try db.query("SELECT case_reference FROM rapid_reviews ORDER BY case_reference").map { try $0["case_reference"] }
    }

    /// The Rapid Review of `reference` with every fact recorded, or nil.
    static func load(_ db: some DatabaseAccess, reference: CaseReference) throws -> RapidReviewCase? {
        let key = reference
        guard let row = try db.queryOne("SELECT hand_over, opened_on FROM rapid_reviews WHERE case_reference = ?", key) else { return nil }
        var rapidReview = RapidReviewCase(
            handOver: try JSONColumn.value(RapidReviewAPI.OpenRapidReviewRequest.self, row, "hand_over", table: "rapid_reviews"),
            openedOn: try row["opened_on"])
        rapidReview.updates = try db.query("SELECT record FROM hand_over_updates WHERE case_reference = ? ORDER BY revision", key).map {
            try JSONColumn.value(RapidReviewAPI.UpdateRapidReviewRequest.self, $0, "record", table: "hand_over_updates")
        }
        rapidReview.extensions = try db.query("SELECT record FROM deadline_extensions WHERE case_reference = ? ORDER BY number", key).map {
            try JSONColumn.value(DeadlineExtension.self, $0, "record", table: "deadline_extensions")
        }
        rapidReview.actionsDone = try db.query("SELECT record FROM actions_done WHERE case_reference = ? ORDER BY rowid", key).map {
            try JSONColumn.value(RapidReviewAPI.ActionDone.self, $0, "record", table: "actions_done")
        }
        rapidReview.schedule = try db.query("SELECT * FROM meeting_schedule WHERE case_reference = ? ORDER BY number", key).map(scheduling)
        let recorded = try db.query("SELECT record FROM meetings WHERE case_reference = ? ORDER BY number", key).map {
            try JSONColumn.value(RapidReviewAPI.RecordedMeeting.self, $0, "record", table: "meetings")
        }
        rapidReview.meetingCorrections = try db.query("SELECT record FROM meeting_corrections WHERE case_reference = ? ORDER BY number", key).map {
            try JSONColumn.value(RapidReviewAPI.MeetingCorrection.self, $0, "record", table: "meeting_corrections")
        }
        rapidReview.meetings = RapidReviewCase.corrected(recorded, by: rapidReview.meetingCorrections)
        rapidReview.recommendations = try db.query("SELECT record FROM recommendations WHERE case_reference = ? ORDER BY version", key).map {
            try JSONColumn.value(RapidReviewAPI.AgreedRecommendation.self, $0, "record", table: "recommendations")
        }
        rapidReview.clarifications = try db.query("SELECT * FROM clarifications WHERE case_reference = ? ORDER BY number", key).map(clarification)
        rapidReview.ratification = try db.queryOne("SELECT record FROM ratifications WHERE case_reference = ?", key).map {
            try JSONColumn.value(RapidReviewAPI.Ratification.self, $0, "record", table: "ratifications")
        }
        rapidReview.submission = try db.queryOne("SELECT record FROM submissions WHERE case_reference = ?", key).map {
            try JSONColumn.value(RapidReviewAPI.Submission.self, $0, "record", table: "submissions")
        }
        return rapidReview
    }

    private static func scheduling(_ row: Row) throws -> RapidReviewAPI.ScheduledMeeting {
        let format: String = try row["format"]
        guard let meetingFormat = MeetingFormat(rawValue: format) else { throw StoredValueError(table: "meeting_schedule", column: "format") }
        return RapidReviewAPI.ScheduledMeeting(
            number: try row["number"], date: try row["meeting_date"], format: meetingFormat,
            outsideT4Window: try row["outside_t4_window"], afterT6Deadline: try row["after_t6_deadline"], reason: try row["reason"],
            scheduledOn: try row["scheduled_on"], scheduledBy: try row["scheduled_by"])
    }

    private static func clarification(_ row: Row) throws -> RapidReviewAPI.Clarification {
        RapidReviewAPI.Clarification(
            number: try row["number"], recommendationVersion: try row["recommendation_version"], question: try row["question"],
            requestedOn: try row["requested_on"], requestedBy: try row["requested_by"])
    }
}
