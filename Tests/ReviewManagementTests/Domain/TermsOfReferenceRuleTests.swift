import Contract
import RPC
import Testing
import WorkingDays

@testable import ReviewManagementService

/// V1 and V2 on the domain type: what agreement needs, and how the agreed terms change.
@Suite("Terms of reference: V1, V2, on the domain type")
struct TermsOfReferenceRuleTests {
    static let clock = ReviewFixture.clock()

    @Test(
        "V1: the panel cannot agree terms of reference lacking a field V1 lists; the refusal names V1 and every missing field",
        arguments: [
            (Change<TermsOfReference>("no serious incident summary") { $0.caseSummary.seriousIncident = nil }, ["caseSummary.seriousIncident"]),
            (Change("no family information") { $0.caseSummary.family = " " }, ["caseSummary.family"]),
            (Change("no lead reviewer") { $0.reviewTeam.leadReviewer = nil }, ["reviewTeam.leadReviewer"]),
            (Change("no team") { $0.reviewTeam.members = [] }, ["reviewTeam.members"]),
            (
                Change("a member without responsibilities") { $0.reviewTeam.members[0].responsibilities = nil },
                ["reviewTeam.members[0].responsibilities"]
            ),
            (
                Change("no time period or rationale") { $0.scope = ReviewScope(keyLinesOfEnquiry: ["x"]) },
                ["scope.periodFrom", "scope.periodTo", "scope.periodRationale"]
            ),
            (Change("no key lines of enquiry") { $0.scope.keyLinesOfEnquiry = [] }, ["scope.keyLinesOfEnquiry"]),
            (
                Change("no plans for the family") { $0.familyInvolvement = .init() },
                ["familyInvolvement.plans", "familyInvolvement.responsibleForContact"]
            ),
            (Change("no methodology") { $0.methodology = nil }, ["methodology"]),
            (Change("no legal considerations") { $0.legal = .init() }, ["legal.parallelInvestigations", "legal.legalAdvice"]),
            (Change("no religious considerations") { $0.otherConsiderations.religious = nil }, ["otherConsiderations.religious"]),
            (
                Change("no other considerations") { $0.otherConsiderations = .init(other: "x") },
                ["otherConsiderations.racial", "otherConsiderations.cultural", "otherConsiderations.linguistic", "otherConsiderations.religious"]
            ),
            (Change("no timeline") { $0.timeline = .init() }, ["timeline.keyDates", "timeline.presentationToPartners"]),
        ])
    func v1Missing(change: Change<TermsOfReference>, missing: [String]) throws {
        let terms = change.applied(to: Fixtures.completeTerms)
        #expect(TermsOfReferenceRules.missing(terms) == missing)
        let review = try ReviewFixture.drafted(terms)
        let error = refusal { () throws(ReviewManagementError) in
            try review.agreeing(
                .init(caseReference: review.reference, version: 1, agreedOn: Fixtures.today), by: ReviewFixture.panel, clock: Self.clock)
        }
        #expect(error?.rpcError.code == .failedPrecondition)
        #expect(error.map(message)?.hasPrefix("V1: ") == true)
        #expect(error.map(message)?.hasSuffix("version 1 lacks " + missing.joined(separator: ", ")) == true, "\(error.map(message) ?? "agreed")")
    }

    @Test("V1: complete terms of reference are agreed; an empty draft lacks every V1 field")
    func v1Complete() throws {
        #expect(TermsOfReferenceRules.missing(Fixtures.completeTerms).isEmpty)
        #expect(TermsOfReferenceRules.missing(TermsOfReference()).count == 19)
        let review = try ReviewFixture.agreed()
        #expect(review.state == .termsOfReferenceAgreed)
        #expect(review.agreement == .init(version: 1, agreedOn: Fixtures.today, agreedBy: ReviewFixture.panel))
        #expect(review.milestones.map(\.event) == ["reviewCommissioned", "termsOfReferenceDrafted", "termsOfReferenceAgreed"])
    }

    @Test(
        "V1: agreement is refused out of order: nothing drafted, not the latest draft, already agreed, or a national review waiting for the Panel",
        arguments: [
            ("nothing drafted", 1, "V1: no terms of reference drafted yet"),
            ("a stale version", 1, "V1: version 1 is not the latest draft; version 2 is"),
            ("already agreed", 1, "V1: the Case Review Panel agreed version 1 on 2025-04-07"),
            ("national", 1, "V1: no local review is commissioned: a national review (a) waits for the National Panel's decision"),
        ])
    func v1OutOfOrder(situation: String, version: Int, prefix: String) throws {
        var review: Review
        switch situation {
        case "nothing drafted": review = ReviewFixture.commissioned()
        case "a stale version":
            review = try ReviewFixture.drafted()
            review.versions.append(
                try review.drafting(.init(caseReference: review.reference, termsOfReference: Fixtures.completeTerms), by: "x", clock: Self.clock))
        case "already agreed": review = try ReviewFixture.agreed()
        default: review = ReviewFixture.commissioned(kind: .nationalReview)
        }
        let error = refusal { () throws(ReviewManagementError) in
            try review.agreeing(
                .init(caseReference: review.reference, version: version, agreedOn: Fixtures.today), by: ReviewFixture.panel, clock: Self.clock)
        }
        #expect(error?.rpcError.code == .failedPrecondition)
        #expect(error.map(message)?.hasPrefix(prefix) == true, "\(error.map(message) ?? "agreed")")
    }

    static func change(_ review: Review, _ lines: [String] = ["Fictional: school attendance"], reason: String = "Fictional: new records")
        -> ReviewManagementAPI.ChangeKeyLinesOfEnquiryRequest
    {
        .init(caseReference: review.reference, keyLinesOfEnquiry: lines, reason: reason, approvedOn: Fixtures.today)
    }

    @Test("V2: after agreement the key lines change with the panel's reason as a new version; the agreed version stays as it was")
    func v2Change() throws {
        var review = try ReviewFixture.agreed()
        let (change, version) = try review.changingKeyLines(Self.change(review), by: ReviewFixture.panel, clock: Self.clock)
        #expect(
            change
                == .init(
                    number: 1, fromVersion: 1, toVersion: 2, reason: "Fictional: new records", approvedOn: Fixtures.today, approvedBy: "Sam.Panel"))
        #expect(version.version == 2)
        #expect(version.origin == .keyLinesOfEnquiryChanged)
        #expect(version.termsOfReference.scope.keyLinesOfEnquiry == ["Fictional: school attendance"])
        var expected = Fixtures.completeTerms
        expected.scope.keyLinesOfEnquiry = ["Fictional: school attendance"]
        #expect(version.termsOfReference == expected, "only the key lines change")
        review.versions.append(version)
        review.changes.append(change)
        #expect(review.versions[0].termsOfReference == Fixtures.completeTerms)
        #expect(review.isAgreed(1) && review.isAgreed(2))
        #expect(review.milestones.map(\.event).last == "keyLinesOfEnquiryChanged")
    }

    @Test(
        "V2: a change of the key lines is refused without the panel's reason, with no or empty lines, unchanged, or before agreement",
        arguments: [
            ("no reason", "reason: V2: give the Case Review Panel's reason", RPCCodeName.invalidArgument),
            ("no lines", "keyLinesOfEnquiry: V2:", .invalidArgument),
            ("an empty line", "keyLinesOfEnquiry[1]: V2:", .invalidArgument),
            ("unchanged", "keyLinesOfEnquiry: V2: unchanged from version 1", .invalidArgument),
            ("not agreed", "V2: the terms of reference are not agreed yet", .failedPrecondition),
        ])
    func v2Refusals(situation: String, prefix: String, code: RPCCodeName) throws {
        let review = situation == "not agreed" ? try ReviewFixture.drafted() : try ReviewFixture.agreed()
        let request: ReviewManagementAPI.ChangeKeyLinesOfEnquiryRequest
        switch situation {
        case "no reason": request = Self.change(review, reason: "  ")
        case "no lines": request = Self.change(review, [])
        case "an empty line": request = Self.change(review, ["Fictional: a line", ""])
        case "unchanged": request = Self.change(review, Fixtures.completeTerms.scope.keyLinesOfEnquiry)
        default: request = Self.change(review)
        }
        let error = refusal { () throws(ReviewManagementError) in try review.changingKeyLines(request, by: ReviewFixture.panel, clock: Self.clock) }
        #expect(error?.rpcError.code == code.code)
        #expect(error.map(message)?.hasPrefix(prefix) == true, "\(error.map(message) ?? "accepted")")
    }

    @Test("V2: after agreement a redraft is refused: the agreed terms change only through ChangeKeyLinesOfEnquiry")
    func v2NoRedraft() throws {
        let review = try ReviewFixture.agreed()
        let error = refusal { () throws(ReviewManagementError) in
            try review.drafting(
                .init(caseReference: review.reference, termsOfReference: Fixtures.completeTerms), by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(error.map(message)?.hasPrefix("V2: the Case Review Panel agreed version 1 of the terms of reference on 2025-04-07") == true)
    }

    @Test("a draft may be incomplete but not ill-formed: a period ending before it starts, a member without a name, an empty key line")
    func wellFormed() throws {
        #expect(TermsOfReferenceRules.missing(TermsOfReference()).contains("methodology"))
        let review = ReviewFixture.commissioned()
        let bad: [(Change<TermsOfReference>, String)] = [
            (Change("period backwards") { $0.scope.periodTo = Fixtures.date("2023-01-01") }, "scope.periodTo:"),
            (Change("member without name") { $0.reviewTeam.members[0].name = "" }, "reviewTeam.members[0].name:"),
            (Change("empty key line") { $0.scope.keyLinesOfEnquiry = [" "] }, "scope.keyLinesOfEnquiry[0]:"),
        ]
        for (change, prefix) in bad {
            let error = refusal { () throws(ReviewManagementError) in
                try review.drafting(
                    .init(caseReference: review.reference, termsOfReference: change.applied(to: Fixtures.completeTerms)), by: "x", clock: Self.clock)
            }
            #expect(error.map(message)?.hasPrefix(prefix) == true, "\(change.testDescription): \(error.map(message) ?? "accepted")")
        }
    }
}

/// An RPC code named in a table (`RPCCode` from RPC, kept out of the table's type).
enum RPCCodeName: Sendable {
    case invalidArgument, failedPrecondition

    var code: RPCCode { self == .invalidArgument ? .invalidArgument : .failedPrecondition }
}
