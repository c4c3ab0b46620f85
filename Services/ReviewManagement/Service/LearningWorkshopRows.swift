import Contract
import ServiceKit
import Storage

/// The tables of the reflective learning workshop and the quality markers, one schema step
/// each; every row kept as written (a correction or a new version is a new row).
enum LearningWorkshopSchema {
    static let invitations = RecordTable.create(
        "learning_event_invitations", columns: [RecordTable.number("invitee")], keys: ["invitee"],
        kept: "an invitation to the learning workshop is kept as sent")
    static let attendance = RecordTable.create(
        "learning_event_attendance", columns: [RecordTable.number("number"), RecordTable.number("invitee")], keys: ["number"],
        kept: "every record of attendance is kept as recorded")
    static let oneToOneConversations = RecordTable.create(
        "one_to_one_conversations", columns: [RecordTable.number("number"), RecordTable.number("invitee")], keys: ["number"],
        kept: "a one-to-one conversation is kept as recorded")
    static let learningPoints = RecordTable.create(
        "learning_points", columns: [RecordTable.number("version")], keys: ["version"], kept: "every version of the learning points is kept")
    static let feedbackSessions = RecordTable.create(
        "feedback_sessions", columns: [RecordTable.number("number")], keys: ["number"], kept: "a feedback session is kept as recorded")
    static let qualityMarkers = RecordTable.create(
        "report_quality_markers", columns: [RecordTable.number("number"), RecordTable.number("version")], keys: ["number"],
        kept: "every answer to the quality markers is kept as recorded")
}

extension ReviewRows {
    /// Reads the workshop's records and the quality markers into `review`.
    static func loadLearningWorkshop(_ db: some DatabaseAccess, into review: inout Review) throws {
        let key = review.reference
        func records<T: Decodable>(_ type: T.Type, _ table: String, _ order: String) throws -> [T] {
            try db.query("SELECT record FROM \(table) WHERE case_reference = ? ORDER BY \(order)", key).map {
                try JSONColumn.value(T.self, $0, "record", table: table)
            }
        }
        review.learningInvitations = try records(ReviewManagementAPI.LearningEventInvitation.self, "learning_event_invitations", "invitee")
        review.learningAttendance = try records(ReviewManagementAPI.LearningEventAttendanceRecord.self, "learning_event_attendance", "number")
        review.oneToOneConversations = try records(ReviewManagementAPI.OneToOneConversation.self, "one_to_one_conversations", "number")
        review.learningPoints = try records(ReviewManagementAPI.LearningPointsVersion.self, "learning_points", "version")
        review.feedbackSessions = try records(ReviewManagementAPI.FeedbackSession.self, "feedback_sessions", "number")
        review.qualityMarkers = try records(ReviewManagementAPI.QualityMarkersRecord.self, "report_quality_markers", "number")
    }
}

extension ReviewWriter {
    /// Records an invitation to the workshop.
    func recordInvitation(_ invitation: ReviewManagementAPI.LearningEventInvitation, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO learning_event_invitations (case_reference, invitee, record) VALUES (?, ?, ?)", reference, invitation.invitee,
            try JSONColumn.text(invitation))
    }

    /// Records attendance `number`.
    func recordAttendance(_ record: ReviewManagementAPI.LearningEventAttendanceRecord, number: Int, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO learning_event_attendance (case_reference, number, invitee, record) VALUES (?, ?, ?, ?)", reference, number, record.invitee,
            try JSONColumn.text(record))
    }

    /// Records one-to-one conversation `number`.
    func recordOneToOne(_ conversation: ReviewManagementAPI.OneToOneConversation, number: Int, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO one_to_one_conversations (case_reference, number, invitee, record) VALUES (?, ?, ?, ?)", reference, number,
            conversation.invitee, try JSONColumn.text(conversation))
    }

    /// Records a version of the themes and learning points.
    func recordLearningPoints(_ learning: ReviewManagementAPI.LearningPointsVersion, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO learning_points (case_reference, version, record) VALUES (?, ?, ?)", reference, learning.version,
            try JSONColumn.text(learning))
    }

    /// Records feedback session `number`.
    func recordFeedbackSession(_ session: ReviewManagementAPI.FeedbackSession, number: Int, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO feedback_sessions (case_reference, number, record) VALUES (?, ?, ?)", reference, number, try JSONColumn.text(session))
    }

    /// Records answers `number` to the quality markers.
    func recordQualityMarkers(_ record: ReviewManagementAPI.QualityMarkersRecord, number: Int, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO report_quality_markers (case_reference, number, version, record) VALUES (?, ?, ?, ?)", reference, number, record.version,
            try JSONColumn.text(record))
    }
}
