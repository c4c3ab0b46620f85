import RPC
import WorkingDays

// MARK: - Recording the meeting (R1-R6)

extension RapidReviewAPI {
    /// `RecordMeeting`'s request: Appendix 5 as completed at the meeting, without the child's
    /// details (held by intake). `meetingDate` must be the scheduled date (reschedule first).
    @dynamicMemberLookup
    package struct RecordMeetingRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The meeting as Appendix 5 records it; its date is the date scheduled.
        package var meeting: MeetingContent
        /// How it was held; the scheduled format when absent.
        package var format: MeetingFormat?
        /// Documentation available to the meeting (R3); what intake handed over when absent.
        package var documentation: [String]?

        package init(caseReference: CaseReference, meeting: MeetingContent, format: MeetingFormat? = nil, documentation: [String]? = nil) {
            self.caseReference = caseReference
            self.meeting = meeting
            self.format = format
            self.documentation = documentation
        }

        /// The meeting's fields, read as the request's (`request.participants`).
        package subscript<Value>(dynamicMember field: WritableKeyPath<MeetingContent, Value>) -> Value {
            get { meeting[keyPath: field] }
            set { meeting[keyPath: field] = newValue }
        }

        private enum CodingKeys: String, CodingKey {
            case caseReference, format, documentation
        }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            caseReference = try container.decode(CaseReference.self, forKey: .caseReference)
            meeting = try MeetingContent(from: decoder)
            format = try container.decodeIfPresent(MeetingFormat.self, forKey: .format)
            documentation = try container.decodeIfPresent([String].self, forKey: .documentation)
        }

        package func encode(to encoder: any Encoder) throws {
            try meeting.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(caseReference, forKey: .caseReference)
            try container.encodeIfPresent(format, forKey: .format)
            try container.encodeIfPresent(documentation, forKey: .documentation)
        }
    }

    /// A meeting as recorded: the request's content, quorum (R1) and who recorded it.
    @dynamicMemberLookup
    package struct RecordedMeeting: Sendable, Equatable, Codable {
        /// 1 for the first meeting; a meeting that was not quorate is followed by another.
        package var number: Int
        /// The scheduling it was held under.
        package var scheduleNumber: Int
        /// The meeting as Appendix 5 records it.
        package var meeting: MeetingContent
        /// How it was held.
        package var format: MeetingFormat
        /// Documentation available to the meeting.
        package var documentation: [String]
        /// R1: a representative of each safeguarding partner was present.
        package var quorate: Bool
        /// The safeguarding partners not represented (empty when quorate).
        package var missingPartners: [PartnerKind]
        /// When it was recorded.
        package var recordedOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String

        package init(
            number: Int, scheduleNumber: Int, meeting: MeetingContent, format: MeetingFormat, documentation: [String], quorate: Bool,
            missingPartners: [PartnerKind], recordedOn: CivilDate, recordedBy: String
        ) {
            self.number = number
            self.scheduleNumber = scheduleNumber
            self.meeting = meeting
            self.format = format
            self.documentation = documentation
            self.quorate = quorate
            self.missingPartners = missingPartners
            self.recordedOn = recordedOn
            self.recordedBy = recordedBy
        }

        /// The meeting's fields, read as the recorded meeting's (`meeting.caseSummary`).
        package subscript<Value>(dynamicMember field: WritableKeyPath<MeetingContent, Value>) -> Value {
            get { meeting[keyPath: field] }
            set { meeting[keyPath: field] = newValue }
        }

        private enum CodingKeys: String, CodingKey {
            case number, scheduleNumber, format, documentation, quorate, missingPartners, recordedOn, recordedBy
        }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            number = try container.decode(Int.self, forKey: .number)
            scheduleNumber = try container.decode(Int.self, forKey: .scheduleNumber)
            meeting = try MeetingContent(from: decoder)
            format = try container.decode(MeetingFormat.self, forKey: .format)
            documentation = try container.decode([String].self, forKey: .documentation)
            quorate = try container.decode(Bool.self, forKey: .quorate)
            missingPartners = try container.decode([PartnerKind].self, forKey: .missingPartners)
            recordedOn = try container.decode(CivilDate.self, forKey: .recordedOn)
            recordedBy = try container.decode(String.self, forKey: .recordedBy)
        }

        package func encode(to encoder: any Encoder) throws {
            try meeting.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(number, forKey: .number)
            try container.encode(scheduleNumber, forKey: .scheduleNumber)
            try container.encode(format, forKey: .format)
            try container.encode(documentation, forKey: .documentation)
            try container.encode(quorate, forKey: .quorate)
            try container.encode(missingPartners, forKey: .missingPartners)
            try container.encode(recordedOn, forKey: .recordedOn)
            try container.encode(recordedBy, forKey: .recordedBy)
        }
    }

    /// Whether the meeting was quorate (R1), and the deadlines it starts or meets (T4, T5, T6).
    package struct RecordMeetingResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The meeting's number.
        package var meetingNumber: Int
        /// R1: false means no recommendation can be agreed at this meeting.
        package var quorate: Bool
        /// The safeguarding partners not represented.
        package var missingPartners: [PartnerKind]
        /// T4, T5 (from a quorate meeting) and T6.
        package var deadlines: [Deadline]

        package init(caseReference: CaseReference, meetingNumber: Int, quorate: Bool, missingPartners: [PartnerKind], deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.meetingNumber = meetingNumber
            self.quorate = quorate
            self.missingPartners = missingPartners
            self.deadlines = deadlines
        }
    }
}
