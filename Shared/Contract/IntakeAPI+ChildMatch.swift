import RPC
import WorkingDays

// MARK: - Possible matches of two cases' children (issue 17, item 7)

extension IntakeAPI {
    /// The Partnership Support Team confirms or rejects a flagged match between two cases'
    /// children: a form naming a child of the same name without a date of birth opens its own
    /// case, flagged, and is never merged with the other silently.
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

    /// `ResolveChildMatch`'s answer: the match as decided.
    package struct ResolveChildMatchResponse: Sendable, Equatable, Codable {
        /// The case named.
        package var caseReference: CaseReference
        /// The match, with the decision.
        package var match: ChildMatch
        package init(caseReference: CaseReference, match: ChildMatch) {
            self.caseReference = caseReference
            self.match = match
        }
    }
}

extension IntakeAPI.ResolveChildMatchRequest: CaseScoped {}
