import Contract
import WorkingDays

extension Review {
    /// The notices of the reviewer's name still to send, in V3's order; none before an
    /// appointment.
    var noticesDue: [ReviewManagementAPI.NoticeRecipient] {
        guard leadReviewer != nil else { return [] }
        return ReviewManagementAPI.NoticeRecipient.allCases.filter { recipient in !reviewerNotices.contains { $0.recipient == recipient } }
    }

    /// Everyone known to take part: the lead reviewer, then the members of the team in force.
    var participants: [String] {
        var names: [String] = leadReviewer.map { [$0.name] } ?? []
        for member in teams.last?.members ?? [] where !names.contains(where: { Self.samePerson($0, member.name) }) {
            names.append(member.name)
        }
        return names
    }

    /// The participants who have not declared (§1.5.7), in `participants`' order.
    var notDeclared: [String] {
        participants.filter { name in !declarations.contains { Self.samePerson($0.person, name) } }
    }

    /// reviewerAppointed, reviewerNotified (the day the last of the three notices went) and
    /// reviewTeamSet (the first team): events and dates only, never names.
    var reviewTeamMilestones: [Milestone] {
        var reached: [Milestone] = []
        if let leadReviewer { reached.append(Milestone(event: "reviewerAppointed", date: leadReviewer.appointedOn)) }
        if leadReviewer != nil, noticesDue.isEmpty, let last = reviewerNotices.map(\.sentOn).max() {
            reached.append(Milestone(event: "reviewerNotified", date: last))
        }
        if let first = teams.first { reached.append(Milestone(event: "reviewTeamSet", date: first.setOn)) }
        return reached
    }

    /// The lead reviewer and team for `GetReview`; nil until one of them is recorded, so a
    /// review without them reads as before.
    var reviewTeamView: ReviewManagementAPI.ReviewTeamView? {
        guard leadReviewer != nil || !teams.isEmpty || !declarations.isEmpty else { return nil }
        return ReviewManagementAPI.ReviewTeamView(
            leadReviewer: leadReviewer, notices: reviewerNotices, noticesDue: noticesDue, teams: teams,
            partnersNotRepresented: teams.last?.partnersNotRepresented ?? [], declarations: declarations, notDeclared: notDeclared)
    }
}
