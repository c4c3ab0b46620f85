import Contract
import WorkingDays

/// The workshop's letters filled in, as Markdown: Appendix 12's invitation to one invitee with
/// Appendix 13's briefing note attached ("to be sent with template letter in appendix 12"),
/// and Appendix 14's agenda. A detail not yet recorded reads "(not yet recorded)". The child
/// is named by the case reference only: the letters go to many agencies.
enum LearningEventRenderer {
    /// The letter `request` asks for.
    static func document(_ review: Review, _ request: ReviewManagementAPI.GetLearningEventDocumentRequest) throws(ReviewManagementError)
        -> ReviewManagementAPI.LearningEventDocument
    {
        let workshop = try review.requireWorkshop()
        switch request.kind {
        case .invitation:
            guard let number = request.invitee else {
                throw .invalidField(path: "invitee", rule: nil, problem: "name the invitee whose invitation is wanted")
            }
            let invited = try review.invitation(number)
            return .init(
                caseReference: review.reference, kind: .invitation, invitee: number,
                document: invitation(review, workshop, invited) + "\n" + briefingNote)
        case .agenda:
            return .init(caseReference: review.reference, kind: .agenda, invitee: nil, document: agenda(review, workshop))
        }
    }

    /// Appendix 12 for `invited`.
    static func invitation(
        _ review: Review, _ workshop: ReviewManagementAPI.LearningEvent, _ invited: ReviewManagementAPI.LearningEventInvitation
    ) -> String {
        let contact = review.leadReviewer.map { "\(escaped($0.name)), Lead Reviewer" } ?? "the Partnership Support Team"
        let feedback = workshop.feedbackSessionDate.map { "\($0)" } ?? "a date to be confirmed"
        return [
            "# Invitation to Reflective Learning Workshop", "",
            "Surrey Safeguarding Children Partnership  ", "Fairmount House  ", "Bull Hill  ", "Leatherhead  ", "Surrey  ", "KT22 7AH", "",
            "\(escaped(invited.name))  ", "\(escaped(invited.role))  ", "\(escaped(invited.agency))  ", "Via email", "",
            "Date: \(invited.invitedOn)", "", "Dear Colleague", "", "## Reflective Learning Workshop – \(workshop.date)", "",
            "We are undertaking a local Child Safeguarding Practice Review regarding the case with reference \(review.reference). The purpose of the review is to identify improvements to current safeguarding arrangements to prevent, or reduce the chance of, similar incidents in the future.",
            "",
            "We recognise that first-hand experience from those working with the child and their family is essential to ensure we have a full understanding of both the case and the factors or pressures that caused people to act as they did. All professionals who have had **direct involvement** with the child and/or family are, therefore, being invited to attend a Reflective Learning Workshop.",
            "",
            "**Date:** \(workshop.date)  ", "**Time:** \(timings(workshop))  ", "**Venue:** \(text(workshop.venue))", "",
            "This will be an opportunity for professionals from different agencies to discuss why things happened, or did not happen, and what could be done differently in a respectful, positive and supportive environment. **As a professional involved in the case it is important that you attend.** If you are unable to attend for any reason, please let me know and I will make arrangements for you to participate in another way (such as a one to one meeting with our Lead Reviewer).",
            "",
            "We also plan to hold a feedback session towards the end of the review process and would appreciate if you could hold \(feedback) in your diary.",
            "",
            "I enclose a one page briefing which explains more about the purpose and structure of the workshop. However, if you have any questions or concerns, please do not hesitate to contact \(contact).",
            "", "Yours sincerely", "", review.leadReviewer.map { "\(escaped($0.name)), Lead Reviewer" } ?? "(not yet recorded)", "",
        ].joined(separator: "\n")
    }

    /// Appendix 13, attached to every invitation.
    static let briefingNote = [
        "# Briefing Note on the role and purpose of Reflective Learning Workshops", "", "## About the Reflective Learning Workshop", "",
        "The purpose of a local Child Safeguarding Practice Review of a serious incident is to identify improvements to current safeguarding arrangements to prevent, or reduce the chance of, similar incidents in the future. It is NOT looking to attribute blame to individuals or organisations.",
        "",
        "The Reflective Learning Workshop is a crucial part of the review process. This meeting provides a forum for frontline professionals and operational managers to come together in a respectful, positive and supportive environment to consider the circumstances surrounding the case and the reasons actions were taken.",
        "", "## Important Principles", "", "**The workshop will provide a supportive environment that encourages reflection**", "",
        "The meeting will be led by an independent Lead Reviewer for the case. All Lead Reviewers are expected to ensure the workshop provides a respectful and supportive environment and they will intervene if anyone starts discussing blame or focusing on individual practice.",
        "", "**All observations and comments will be anonymous**", "",
        "We understand that participants may feel uncertain or anxious and would like to assure you that comments made on the day will not be attributable to individuals. Any themes and comments will be anonymised in the final report.",
        "", "**We will be capturing good practice as well as what needs to change**", "",
        "While the focus of the review is to identify ways to improve safeguarding practice, the review will also be seeking to identify where practice is good and working well.",
        "", "## The Structure of the Workshop", "",
        "The structure of the workshop will vary depending on the case but is likely to follow the following format:", "",
        "### Considering the Factual Information", "",
        "The Lead Reviewer will give an overview of the key facts and events in respect of the case and participants will be asked to agree/change and discuss these. This may include querying the factual accuracy, adding to the information, or questioning it. The aim is to reach an understanding of the professional intervention and key events that the child and family experienced.",
        "", "### Considering the Child's Lived Experience", "",
        "With this knowledge, the workshop group will spend a short time exploring the \"lived experience of the child/children\". This enables participants to view what happened from the child's perspective.",
        "", "### Identifying Key Issues and Themes", "",
        "The workshop will identify and discuss the key issues and themes. These will usually be practice issues that have emerged within the case which can be transposed into working with families more generally, and/or organisational and \"systems\" factors that shaped behaviour (such as organisational/team aims or culture and the level of resources available to deliver services).",
        "", "### Identifying Learning", "",
        "The final part of the workshop will focus on identifying areas of learning for professional practice in the future. Examples of good practice will also be highlighted and included for wider dissemination in the review report.",
        "",
    ].joined(separator: "\n")

    /// Appendix 14: the notice of meeting with its membership and apologies, then the items.
    static func agenda(_ review: Review, _ workshop: ReviewManagementAPI.LearningEvent) -> String {
        func people(_ filter: (ReviewManagementAPI.LearningEventAttendance?) -> Bool) -> String {
            let names = review.learningInvitations.filter { filter(review.attendance(of: $0.invitee)) }.map {
                "\(escaped($0.name)) (\(escaped($0.role)), \(escaped($0.agency)))"
            }
            return names.isEmpty ? "none" : names.joined(separator: "; ")
        }
        var lines = [
            "# Reflective Learning Workshop", "", "Notice of Meeting – Agenda", "",
            "**Date & Time:** \(workshop.date), \(timings(workshop))  ", "**Venue:** \(text(workshop.venue))  ",
            "**Chair:** \(review.leadReviewer.map { "\(escaped($0.name)), Lead Reviewer" } ?? "(not yet recorded)")  ",
            "**Note Taker:** (not yet recorded)  ",
            // Before the event the membership is everyone invited; after it, who attended.
            "**Membership:** \(review.workshopHeld ? people { $0 == .attended } : people { $0 == nil || $0 == .attended })  ",
            "**Apologies:** \(people { $0 == .sentApologies })", "",
            "| Item No. | Item Title | Lead | Time |", "| --- | --- | --- | --- |",
        ]
        lines += items.map { "| \($0.0) | \($0.1) | \($0.2) | \($0.3) |" }
        lines += [
            "",
            "Invitees and attendees of this meeting should be aware that the notes of this meeting are confidential and not for wider circulation without the written permission of the SSCP.",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// Appendix 14's items: number, title, lead and time.
    static let items: [(String, String, String, String)] = [
        ("", "Registration", "", "9:45am"),
        ("1.", "Welcome and introductions", "", "10:00am"),
        (
            "2.",
            "Purpose of Session: to understand the child's story and what life was like for them; to consider what happened in the case from a multi-agency practitioner and agency perspective; to identify what decisions were taken/not taken and the context; to identify what could have been done differently; to identify the key learning points/findings; to identify improvements which are needed and to consolidate good practice, in line with the Terms of Reference. Principles for Working Together",
            "", "10:05am"
        ),
        (
            "3.",
            "Brief Outline of Terms of Reference, Methodology / Overview of the Case and thoughts so far. Child's Lived Experience (Timeline/story)",
            "Lead Reviewer", "10:20am"
        ),
        (
            "4.",
            "Agency Involvement with the Case: who knew what when? What is new information? Any surprises (what, why)? Significant Influencing Factors?",
            "", "11:00am"
        ),
        ("", "Break", "", "11:30am"),
        ("5.", "Key Lines of Inquiry and Questions: identify Key Issues for Improving Practice", "", "11:45am"),
        ("6.", "Summary of Key Feedback Points and Any Other Reflections", "", "12:40pm"),
        ("7.", "Evaluation and Close", "", "1:00pm"),
    ]

    /// "HH:MM to HH:MM", or what is known of it.
    private static func timings(_ workshop: ReviewManagementAPI.LearningEvent) -> String {
        switch (workshop.startsAt, workshop.endsAt) {
        case (let start?, let end?): "\(start) to \(end)"
        case (let start?, nil): "from \(start)"
        case (nil, let end?): "until \(end)"
        case (nil, nil): "(not yet recorded)"
        }
    }

    private static func text(_ value: String?) -> String {
        guard let value, !value.isBlank else { return "(not yet recorded)" }
        return escaped(value)
    }

    // Characters that would turn free text into Markdown markup (as in the terms of reference).
    private static func escaped(_ value: String) -> String {
        var result = ""
        for character in value {
            if "\\`*_[]#<>|".contains(character) { result.append("\\") }
            result.append(character == "\n" ? " " : character)
        }
        return result
    }
}
