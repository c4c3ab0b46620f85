import Contract
import Foundation
import WorkingDays

/// Obviously fictional cases: Testshire agencies, placeholder staff, no child or family data.
enum Fixtures {
    static func date(_ text: String) -> CivilDate {
        guard let date = CivilDate(text) else { fatalError("bad fixture date \(text)") }
        return date
    }

    static func reference(_ sequence: Int) -> CaseReference {
        guard let reference = CaseReference(partnership: "TESTSHIRE", year: 2025, sequence: sequence) else { fatalError("bad sequence \(sequence)") }
        return reference
    }

    static let localAuthority = Agency(name: "Testshire Children's Services", kind: .localAuthority)
    static let police = Agency(name: "Testshire Police", kind: .police)
    static let icb = Agency(name: "Testshire Integrated Care Board", kind: .health)
    static let school = Agency(name: "Testtown Primary School", kind: .other)
    /// The agencies asked for scoping: the three partners and the referring school.
    static let agenciesAsked = [localAuthority, police, icb, school]

    /// When the referral came and when the meeting is held, relative to today (2025-04-07).
    struct Scenario: Sendable {
        var referralReceived: CivilDate
        var meetingDate: CivilDate

        /// Referral Monday 24 March: T4 2 to 10 April, T6 14 April; meeting Thursday 3 April,
        /// so T5 is due on Monday 7 April (today).
        static let onTime = Scenario(referralReceived: date("2025-03-24"), meetingDate: date("2025-04-03"))
        /// Referral 17 March: meeting 1 April, T5 due 3 April, T6 due 7 April.
        static let lateSubmission = Scenario(referralReceived: date("2025-03-17"), meetingDate: date("2025-04-01"))
        /// Referral 10 March: T6 due 31 March; meeting 25 March.
        static let pastT6 = Scenario(referralReceived: date("2025-03-10"), meetingDate: date("2025-03-25"))
    }

    /// intake's hand-over for a case received on `referralReceived`.
    static func handOver(
        _ reference: CaseReference, referralReceived: CivilDate = Scenario.onTime.referralReceived, ruleSet: RuleSet = .surrey2019,
        notifiedNationalPanel: CivilDate? = nil, referringAgency: String? = nil
    ) -> RapidReviewAPI.OpenRapidReviewRequest {
        let calendar = WorkingCalendar()
        return RapidReviewAPI.OpenRapidReviewRequest(
            caseReference: reference, referralReceived: referralReceived, notifiedNationalPanel: notifiedNationalPanel,
            meetingEarliest: calendar.addingWorkingDays(7, to: referralReceived), meetingLatest: calendar.addingWorkingDays(13, to: referralReceived),
            rapidReviewDue: calendar.addingWorkingDays(15, to: notifiedNationalPanel ?? referralReceived), ruleSet: ruleSet,
            documentation: ["referral", "scoping return: Testshire Police", "scoping return: Testshire Integrated Care Board"],
            agenciesAsked: agenciesAsked, incidentKind: .seriousHarm, incidentDate: referralReceived.adding(days: -3),
            referringAgency: referringAgency)
    }

    /// A representative of each safeguarding partner, and the school.
    static let participants = [
        Participant(name: "Pat Placeholder", role: "Head of Safeguarding", agency: localAuthority.name, partnerKind: .localAuthority),
        Participant(name: "Dana Sample", role: "Detective Inspector", agency: police.name, partnerKind: .police),
        Participant(name: "Chris Dummy", role: "Designated Nurse", agency: icb.name, partnerKind: .health),
        Participant(name: "Lee Specimen", role: "Designated Safeguarding Lead", agency: school.name, partnerKind: .other),
    ]

    /// A complete, valid record of the meeting held on `date`.
    static func meeting(_ reference: CaseReference, on date: CivilDate) -> RapidReviewAPI.RecordMeetingRequest {
        RapidReviewAPI.RecordMeetingRequest(
            caseReference: reference,
            meeting: meetingContent(on: date))
    }

    /// Appendix 5's record of a complete, valid meeting held on `date`.
    static func meetingContent(on date: CivilDate) -> MeetingContent {
        MeetingContent(
            meetingDate: date, participants: participants, omissions: [],
            caseSummary: "Fictional summary: a child known to three agencies was admitted to hospital.",
            immediateAction: ImmediateAction(
                allTaken: false,
                actions: [ActionItem(what: "strategy meeting for a sibling", who: "Testshire Children's Services", byWhen: date.adding(days: 1))]),
            criteria: [.multiAgencyWorking, .recurrentThemes],
            discussion: RapidReviewDiscussion(
                natureOfHarm: "Fictional: serious physical injury", meetsSeriousHarm: true,
                keyIssues: "Fictional: information sharing between agencies",
                immediateLearning: "Fictional: health visitors to share concerns at once", learningSharedBy: "partnership briefing by the ICB",
                legalAdvice: YesNoDetails(answer: false)))
    }

    /// A complete, valid decision for `recommendation`: statement, reasons and options as R7 and R8 ask.
    static func decision(_ recommendation: Recommendation) -> RecommendationDecision {
        RecommendationDecision(
            recommendation: recommendation,
            statement: recommendation.needsStatement ? "Fictional: a Domestic Homicide Review by the community safety partnership" : nil,
            reasons: "Fictional reasons, including the potential for additional learning",
            otherOptionsConsidered: recommendation.isBelowCSPRThreshold ? "Fictional: a local CSPR and a multi-agency audit were considered" : nil,
            whyNoFurtherLearning: recommendation.isDecisionNotToProceed ? "Fictional: the learning was already identified and acted upon" : nil)
    }

    /// The outcome shared with every agency asked, the school (the referrer) marked.
    static func sharing(on date: CivilDate) -> [RapidReviewAPI.OutcomeShared] {
        agenciesAsked.map { RapidReviewAPI.OutcomeShared(agency: $0.name, date: date, referrer: $0 == school) }
    }
}
