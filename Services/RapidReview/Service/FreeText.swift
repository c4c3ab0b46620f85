import Contract

/// The free text of one step as intake's `CheckDisclosure` checks it (P4, issue 15, item 13):
/// the fields joined into one text, each remembering where it starts, so that a finding says
/// which field and where in it. Offsets are UTF-8 bytes and lines count from 1, from the
/// field's own start, as `CheckDisclosure` counts them in the whole text.
struct FreeText: Sendable, Equatable {
    /// One field within `text`.
    struct Field: Sendable, Equatable {
        /// Its path in the request: `caseSummary`, `discussion.keyIssues`, `omissions[0].reason`.
        var path: String
        /// Where it starts in `text`, in UTF-8 bytes.
        var start: Int
        /// The line of `text` it starts on, from 1.
        var firstLine: Int
    }

    /// Where a finding is: the field, and the offset, length and line within it. Never the
    /// text found, which is the family's (P4).
    struct Finding: Sendable, Equatable, CustomStringConvertible {
        var field: String
        var offset: Int
        var length: Int
        var line: Int
        var kind: DisclosureAPI.DisclosureKind
        /// Whose: "child" or the relationship to the child.
        var whose: String

        var description: String { "\(field) at byte \(offset), line \(line), \(length) bytes (\(kind.rawValue) of the \(whose))" }
    }

    /// Between fields: a blank line, so that no name runs from one field into the next.
    static let separator = "\n\n"

    /// The joined text sent to intake.
    private(set) var text = ""
    /// Its fields, in order; a blank field is left out.
    private(set) var fields: [Field] = []

    /// `fields` joined, blank and absent ones left out.
    init(_ fields: [(path: String, text: String?)]) {
        var line = 1
        for (path, body) in fields {
            guard let body, !body.isBlank else { continue }
            self.fields.append(Field(path: path, start: text.utf8.count, firstLine: line))
            text += body + Self.separator
            line += body.utf8.count { $0 == UInt8(ascii: "\n") } + 2
        }
    }

    /// True when there is nothing to check.
    var isEmpty: Bool { fields.isEmpty }

    /// intake's finding in the joined text, placed in its field (a finding in a separator
    /// belongs to the field before it).
    func place(_ finding: DisclosureAPI.DisclosureFinding) -> Finding {
        let field = fields.last { $0.start <= finding.offset } ?? Field(path: "text", start: 0, firstLine: 1)
        return Finding(
            field: field.path, offset: finding.offset - field.start, length: finding.length, line: finding.line - field.firstLine + 1,
            kind: finding.kind, whose: finding.whose)
    }

    /// The refusal of a step whose free text holds the family's details: FAILED_PRECONDITION
    /// naming P4 and each finding's field and position.
    static func refusal(_ findings: [Finding]) -> RapidReviewError {
        .outOfOrder(
            rule: .p4,
            problem:
                "intake's CheckDisclosure found the family's details in the free text (\(findings.map(\.description).joined(separator: "; "))); write it with the case reference and roles, not names, addresses or dates of birth; nothing was recorded"
        )
    }
}

extension FreeText {
    /// The meeting's free text (Appendix 5 §1, §2.1-2.3): the case summary, the discussion,
    /// the immediate action, the omissions' reasons and the documentation named. Participants
    /// and who does an action are staff, named on purpose.
    static func meeting(_ request: RapidReviewAPI.RecordMeetingRequest) -> FreeText {
        let meeting = request.meeting
        var fields: [(path: String, text: String?)] = [("caseSummary", meeting.caseSummary)]
        fields += meeting.omissions.enumerated().map { ("omissions[\($0.offset)].reason", $0.element.reason) }
        fields += (request.documentation ?? []).enumerated().map { ("documentation[\($0.offset)]", $0.element) }
        fields += meeting.immediateAction.actions.enumerated().map { ("immediateAction.actions[\($0.offset)].what", $0.element.what) }
        fields += [
            ("immediateAction.details", meeting.immediateAction.details), ("discussion.natureOfHarm", meeting.discussion.natureOfHarm),
            ("discussion.keyIssues", meeting.discussion.keyIssues), ("discussion.immediateLearning", meeting.discussion.immediateLearning),
            ("discussion.learningSharedBy", meeting.discussion.learningSharedBy),
            ("discussion.legalAdvice.details", meeting.discussion.legalAdvice.details),
        ]
        return FreeText(fields)
    }

    /// The recommendation's free text (Appendix 5 §3, and Working Together 2023's analysis) and
    /// the answer to the chair's question.
    static func recommendation(_ request: RapidReviewAPI.AgreeRecommendationRequest) -> FreeText {
        let decision = request.decision
        return FreeText([
            ("decision.statement", decision.statement), ("decision.reasons", decision.reasons),
            ("decision.otherOptionsConsidered", decision.otherOptionsConsidered), ("decision.whyNoFurtherLearning", decision.whyNoFurtherLearning),
            ("decision.keyPracticeEpisodes", decision.keyPracticeEpisodes), ("decision.racismAndInequalities", decision.racismAndInequalities),
            ("answerToClarification", request.answerToClarification),
        ])
    }

    /// What `CommissionReview` forwards to review-management: the key issues and the immediate
    /// learning, checked again against what intake holds by then.
    static func commission(_ request: ReviewManagementAPI.CommissionReviewRequest) -> FreeText {
        FreeText([("discussion.keyIssues", request.keyIssues), ("discussion.immediateLearning", request.immediateLearning)])
    }
}
