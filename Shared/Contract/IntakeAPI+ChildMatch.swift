import RPC
import WorkingDays

// MARK: - Possible matches of two cases' children (issue 17, item 7)

extension IntakeAPI {
    /// The Partnership Support Team confirms or rejects a flagged match between two cases'
    /// children: a form naming a child of the same name without a date of birth opens its own
    /// case, flagged, and is never merged with the other silently. Confirmed, the later case is
    /// merged into the earlier one while its own work has not begun (`notMerged` says why not).
    package static let resolveChildMatch = Method<ResolveChildMatchRequest, ResolveChildMatchResponse>(
        service: ServiceIdentity.intake.rpcService, name: "ResolveChildMatch", roles: .roles(.partnershipSupport))

    /// Where a possible match stands.
    package enum ChildMatchState: String, WireEnum {
        /// Found by intake, for a person to decide.
        case flagged
        /// A person said the two cases' children are the same child.
        case confirmed
        /// A person said they are two children.
        case rejected
    }

    /// A possible match of this case's child with another case's: the other case and the
    /// decision, nothing personal.
    package struct ChildMatch: Sendable, Equatable, Codable {
        /// The other case.
        package var otherCase: CaseReference
        /// Flagged, confirmed or rejected.
        package var state: ChildMatchState
        /// Who decided, once decided.
        package var decidedBy: String?
        /// When it was decided.
        package var decidedOn: CivilDate?
        package init(otherCase: CaseReference, state: ChildMatchState, decidedBy: String? = nil, decidedOn: CivilDate? = nil) {
            self.otherCase = otherCase
            self.state = state
            self.decidedBy = decidedBy
            self.decidedOn = decidedOn
        }
    }

    /// `ResolveChildMatch`'s request: whether the children of the two cases are the same child.
    package struct ResolveChildMatchRequest: Sendable, Equatable, Codable {
        /// One of the two cases.
        package var caseReference: CaseReference
        /// The other, as the flag names it.
        package var otherCase: CaseReference
        /// True to confirm the two are the same child, false to say they are two children.
        package var sameChild: Bool
        package init(caseReference: CaseReference, otherCase: CaseReference, sameChild: Bool) {
            self.caseReference = caseReference
            self.otherCase = otherCase
            self.sameChild = sameChild
        }
    }

    /// Why two cases confirmed to concern the same child were not merged: the later one's work
    /// has begun, and moving it would change what its agencies or the Rapid Review were told.
    package enum NotMergedReason: String, WireEnum {
        /// The later case was handed to the Rapid Review.
        case handedToRapidReview
        /// Scoping requests were sent for the later case, or returns received.
        case scopingStarted
        /// A deadline of the later case was extended.
        case deadlineExtended
        /// The earlier case holds as many linked referrals as a case may (item 6).
        case linkedReferralLimit
    }

    /// `ResolveChildMatch`'s answer: the match as decided, and what became of the two cases.
    package struct ResolveChildMatchResponse: Sendable, Equatable, Codable {
        /// The case named.
        package var caseReference: CaseReference
        /// The match, with the decision.
        package var match: ChildMatch
        /// When the same child was confirmed: the later case, merged into the earlier one.
        package var merged: CaseReference?
        /// The earlier case, which holds the later one's forms from now on.
        package var mergedInto: CaseReference?
        /// When the same child was confirmed but the cases were left apart: why.
        package var notMerged: NotMergedReason?
        package init(
            caseReference: CaseReference, match: ChildMatch, merged: CaseReference? = nil, mergedInto: CaseReference? = nil,
            notMerged: NotMergedReason? = nil
        ) {
            self.caseReference = caseReference
            self.match = match
            self.merged = merged
            self.mergedInto = mergedInto
            self.notMerged = notMerged
        }
    }
}

extension IntakeAPI.ResolveChildMatchRequest: CaseScoped {}
