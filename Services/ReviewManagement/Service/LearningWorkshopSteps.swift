import Contract
import WorkingDays

/// The reflective learning workshop's steps (§8.8, Appendices 12-14). Errors name fields and
/// invitee numbers, never names: they are logged.
extension Review {
    /// The timings and venue of a scheduled event: `HH:MM`, the end after the start, the venue
    /// not blank when given (Appendix 12: "the date, timings and venue").
    static func checkArrangements(_ request: ReviewManagementAPI.ScheduleLearningEventRequest) throws(ReviewManagementError) {
        let start = try minutes(request.startsAt, "startsAt")
        let end = try minutes(request.endsAt, "endsAt")
        if let start, let end, end <= start {
            throw .invalidField(path: "endsAt", rule: nil, problem: "\(request.endsAt ?? "") is not after startsAt (\(request.startsAt ?? ""))")
        }
        if let venue = request.venue, venue.isBlank { throw .invalidField(path: "venue", rule: nil, problem: "name the venue or leave it out") }
        if let feedback = request.feedbackSessionDate, feedback <= request.date {
            throw .invalidField(path: "feedbackSessionDate", rule: nil, problem: "\(feedback) is not after the workshop (\(request.date))")
        }
    }

    /// Minutes after midnight of an `HH:MM` time, nil when absent.
    private static func minutes(_ time: String?, _ path: String) throws(ReviewManagementError) -> Int? {
        guard let time else { return nil }
        let parts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }), let hours = Int(parts[0]), let minutes = Int(parts[1]),
            (0..<24).contains(hours), (0..<60).contains(minutes)
        else { throw .invalidField(path: path, rule: nil, problem: "\(time) is not a time of day as HH:MM (24-hour clock)") }
        return hours * 60 + minutes
    }

    /// The workshop as last scheduled; refused when none is (§8.8: invitations follow it).
    func requireWorkshop() throws(ReviewManagementError) -> ReviewManagementAPI.LearningEvent {
        guard localCommission != nil else {
            throw .outOfSectionOrder(section: "§8.8", problem: "no local review is commissioned (state \(state.rawValue))")
        }
        guard let workshop = practitionersWorkshop else {
            throw .outOfSectionOrder(
                section: "§8.8", problem: "no reflective learning workshop is scheduled; schedule it first (ScheduleLearningEvent)")
        }
        return workshop
    }

    /// An invitation to the workshop, sent on or before its date, each person invited once.
    func invitingToLearningEvent(_ request: ReviewManagementAPI.InviteToLearningEventRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.LearningEventInvitation
    {
        let workshop = try requireWorkshop()
        for (path, value) in [("name", request.name), ("role", request.role), ("agency", request.agency)] where value.isBlank {
            throw .invalidField(path: path, rule: nil, problem: "give the invitee's \(path == "role" ? "job title" : path)")
        }
        if let same = learningInvitations.first(where: { Self.samePerson($0.name, request.name) && Self.samePerson($0.agency, request.agency) }) {
            throw .invalidField(path: "name", rule: nil, problem: "already invited as invitee \(same.invitee)")
        }
        guard let decided = localCommission?.decidedOn, request.invitedOn >= decided, request.invitedOn <= clock.today else {
            throw .invalidField(path: "invitedOn", rule: nil, problem: "\(request.invitedOn) is not between the decision to commission and today")
        }
        if request.invitedOn > workshop.date {
            throw .invalidField(
                path: "invitedOn", rule: nil, problem: "\(request.invitedOn) is after the workshop (\(workshop.date)); Appendix 12 invites before it")
        }
        return ReviewManagementAPI.LearningEventInvitation(
            invitee: learningInvitations.count + 1, name: request.name, role: request.role, agency: request.agency, kind: request.kind,
            invitedOn: request.invitedOn, recordedBy: principal)
    }

    /// An invitee's attendance, once the workshop's date has come.
    func recordingLearningEventAttendance(
        _ request: ReviewManagementAPI.RecordLearningEventAttendanceRequest, by principal: String, clock: CaseClock
    ) throws(ReviewManagementError) -> ReviewManagementAPI.LearningEventAttendanceRecord {
        let workshop = try requireWorkshop()
        _ = try invitation(request.invitee)
        if workshop.date > clock.today {
            throw .outOfSectionOrder(
                section: "§8.8", problem: "the workshop on \(workshop.date) has not taken place yet; record attendance after it")
        }
        return ReviewManagementAPI.LearningEventAttendanceRecord(
            invitee: request.invitee, attendance: request.attendance, recordedOn: clock.today, recordedBy: principal)
    }

    /// A one-to-one conversation with an invitee who did not attend (Appendix 12).
    func recordingOneToOneConversation(
        _ request: ReviewManagementAPI.RecordOneToOneConversationRequest, by principal: String, clock: CaseClock
    ) throws(ReviewManagementError) -> ReviewManagementAPI.OneToOneConversation {
        _ = try requireWorkshop()
        let invited = try invitation(request.invitee)
        if request.with.isBlank {
            throw .invalidField(path: "with", rule: nil, problem: "say who held the conversation (normally the lead reviewer)")
        }
        if attendance(of: invited.invitee) == .attended {
            throw .outOfSectionOrder(
                section: "Appendix 12",
                problem: "invitee \(invited.invitee) attended the workshop; a one-to-one conversation is for an invitee unable to attend")
        }
        guard request.on >= invited.invitedOn, request.on <= clock.today else {
            throw .invalidField(path: "on", rule: nil, problem: "\(request.on) is not between the invitation (\(invited.invitedOn)) and today")
        }
        return ReviewManagementAPI.OneToOneConversation(invitee: invited.invitee, on: request.on, with: request.with, recordedBy: principal)
    }

    /// The key themes and learning points as a whole, each with the agencies it concerns.
    func recordingLearningPoints(_ request: ReviewManagementAPI.RecordLearningPointsRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.LearningPointsVersion
    {
        guard localCommission != nil else {
            throw .outOfSectionOrder(section: "§8.7", problem: "no local review is commissioned (state \(state.rawValue))")
        }
        if request.themes.isEmpty, request.learningPoints.isEmpty {
            throw .invalidField(path: "learningPoints", rule: nil, problem: "give at least one key theme or learning point")
        }
        for (field, points) in [("themes", request.themes), ("learningPoints", request.learningPoints)] {
            for (index, point) in points.enumerated() {
                if point.text.isBlank { throw .invalidField(path: "\(field)[\(index)].text", rule: nil, problem: "give the text") }
                if point.agencies.isEmpty || point.agencies.contains(where: \.isBlank) {
                    throw .invalidField(path: "\(field)[\(index)].agencies", rule: nil, problem: "name each agency it concerns, at least one")
                }
            }
        }
        return ReviewManagementAPI.LearningPointsVersion(
            version: learningPoints.count + 1, themes: request.themes, learningPoints: request.learningPoints, recordedOn: clock.today,
            recordedBy: principal)
    }

    /// The feedback session, after the workshop is held (attendance recorded).
    func recordingFeedbackSession(_ request: ReviewManagementAPI.RecordFeedbackSessionRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.FeedbackSession
    {
        let workshop = try requireWorkshop()
        guard workshopHeld else {
            throw .outOfSectionOrder(
                section: "Appendix 12",
                problem: "the feedback session follows the workshop; no attendance is recorded for the workshop on \(workshop.date)")
        }
        guard request.on >= workshop.date, request.on <= clock.today else {
            throw .invalidField(path: "on", rule: nil, problem: "\(request.on) is not between the workshop (\(workshop.date)) and today")
        }
        return ReviewManagementAPI.FeedbackSession(on: request.on, recordedBy: principal)
    }

    /// Invitee `number`, or a refusal naming the field.
    func invitation(_ number: Int) throws(ReviewManagementError) -> ReviewManagementAPI.LearningEventInvitation {
        guard let found = learningInvitations.first(where: { $0.invitee == number }) else {
            throw .invalidField(path: "invitee", rule: nil, problem: "no invitee \(number) is invited to the workshop")
        }
        return found
    }

    /// An invitee's attendance as last recorded.
    func attendance(of invitee: Int) -> ReviewManagementAPI.LearningEventAttendance? {
        learningAttendance.last { $0.invitee == invitee }?.attendance
    }

    /// True once attendance at the workshop is recorded: it has taken place.
    var workshopHeld: Bool { !learningAttendance.isEmpty }

    /// The workshop's milestones, without names.
    var learningWorkshopMilestones: [Milestone] {
        var reached: [Milestone] = []
        if let first = learningEvents.first(where: { $0.kind == .practitionersWorkshop }) {
            reached.append(Milestone(event: "learningWorkshopScheduled", date: first.scheduledOn))
        }
        if workshopHeld, let workshop = practitionersWorkshop { reached.append(Milestone(event: "learningWorkshopHeld", date: workshop.date)) }
        if let session = feedbackSessions.first { reached.append(Milestone(event: "feedbackSessionHeld", date: session.on)) }
        return reached
    }

    /// The workshop for `GetReview`; absent until someone is invited or learning is recorded.
    var learningWorkshopView: ReviewManagementAPI.LearningWorkshopView? {
        if learningInvitations.isEmpty, learningPoints.isEmpty, feedbackSessions.isEmpty { return nil }
        let invitees = learningInvitations.map { invited in
            let conversations = oneToOneConversations.filter { $0.invitee == invited.invitee }
            return ReviewManagementAPI.LearningEventInvitee(
                invitation: invited, attendance: attendance(of: invited.invitee), oneToOneConversations: conversations.isEmpty ? nil : conversations)
        }
        return ReviewManagementAPI.LearningWorkshopView(
            event: practitionersWorkshop, facilitator: leadReviewer?.name, invitees: invitees, learning: learningPoints.last,
            feedbackSession: feedbackSessions.first)
    }
}
