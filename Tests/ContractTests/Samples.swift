import Contract
import Foundation
import WorkingDays

/// Obviously fictional sample messages, every field filled, for round-trip and golden tests.
enum Samples {
    static func date(_ text: String) -> CivilDate {
        guard let date = CivilDate(text) else { fatalError("bad sample date \(text)") }
        return date
    }

    static let reference = CaseReference("TESTSHIRE-2025-0007")!  // a literal known to be valid

    static let lead = Contact(
        name: "Dana Sample", agencyAndDesignation: "Testshire Police, Detective Inspector", address: "1 Example Row, Testtown TE1 1AA",
        telephone: "01632 960000", email: "dana.sample@police.example")

    static let child = Person(
        name: "Robin Fictional", alsoKnownAs: ["Rob Fictional"], dateOfBirth: date("2019-02-03"),
        addressHistory: [
            AddressEntry(address: "12 Imaginary Lane, Testtown", postcode: "TE5 7AA", from: date("2021-06-01")),
            AddressEntry(address: "4 Pretend Close, Mocksby", postcode: "MK9 9ZZ", from: date("2019-02-03"), to: date("2021-05-31")),
        ])

    static let referral = Referral(
        child: ChildDetails(
            person: child, gender: "male", ethnicOrigin: "White British", faithOrReligion: "none recorded", disability: "none",
            lookedAfter: false, childProtectionPlan: YesNoDetails(answer: true, details: "2023, neglect, 9 months"),
            openToChildrensSocialCare: YesNoDetails(answer: true, details: "lead practitioner: Sam Placeholder"),
            incident: Incident(kind: .seriousHarm, date: date("2025-03-20"), location: "12 Imaginary Lane, Testtown", carerAtTime: "mother"),
            criminalInvestigation: YesNoDetails(answer: true, details: "DI Dana Sample"), coronersInquiry: YesNoDetails(answer: false),
            adultSafeguardingConcerns: YesNoDetails(answer: false)),
        dateOfReferral: date("2025-03-24"), dateReceived: date("2025-03-25"),
        referrer: Contact(
            name: "Lee Specimen", agencyAndDesignation: "Testtown Primary School, Designated Safeguarding Lead", email: "dsl@school.example"),
        safeguardingLeadConsulted: lead,
        familyMembers: [
            FamilyMember(
                person: Person(name: "Morgan Fictional", dateOfBirth: date("1994-07-08")), relationshipToChild: "mother",
                legalStatus: "parental responsibility", ethnicOrigin: "White British")
        ],
        siblingsSafeguardingAction: "sibling placed with grandparent under a safety plan",
        agenciesInvolved: [
            AgencyInvolvement(
                agency: Agency(name: "Testshire Children's Services", kind: .localAuthority), contact: lead,
                reasonForInvolvement: "child in need plan", current: true)
        ],
        caseBackground: "fictional background for tests", reasonForReferral: "fictional reason for tests",
        keyEvents: [KeyEvent(date: date("2025-03-20"), time: "14:30", event: "admitted to hospital")],
        additionalInformation: "none")

    static let notification = SeriousIncidentNotification(
        child: child, incident: Incident(kind: .death, date: date("2025-03-18")), becameAware: date("2025-03-19"),
        notifiedNationalPanel: date("2025-03-21"), notifiedOfsted: date("2025-03-21"), notifiedSecretaryOfState: nil,
        reportedToSafeguardingPartners: date("2025-03-24"), lookedAfterChildDeath: false, notifiedBy: lead)

    static let scopingRequest = ScopingRequest(
        agency: Agency(name: "Testshire Integrated Care Board", kind: .health), contact: lead, dateSent: date("2025-03-26"),
        returnBy: date("2025-04-01"), sentLate: false)

    static let scopingReturn = ScopingReturn(
        agency: Agency(name: "Testshire Integrated Care Board", kind: .health), completedBy: lead, dateCompleted: date("2025-03-31"),
        dateReceived: date("2025-04-01"), knownToAgency: true, familyDetailAnomalies: "none", involvementSummary: "health visiting",
        practiceAnalysis: "fictional analysis", partnershipConcerns: "none", otherAgenciesInvolved: "school",
        furtherInformation: "none", recordsSecuredOn: date("2025-03-27"))

    static let outcome = RapidReviewOutcome(
        caseReference: reference,
        meeting: MeetingContent(
            meetingDate: date("2025-04-03"),
            participants: [
                Participant(name: "Pat Placeholder", role: "Head of Safeguarding", agency: "Testshire County Council", partnerKind: .localAuthority),
                Participant(name: "Dana Sample", role: "Detective Inspector", agency: "Testshire Police", partnerKind: .police),
                Participant(name: "Chris Dummy", role: "Designated Nurse", agency: "Testshire ICB", partnerKind: .health),
            ],
            omissions: [Omission(agency: "Probation", reason: "no involvement with the family")], caseSummary: "fictional summary",
            immediateAction: ImmediateAction(
                allTaken: false, actions: [ActionItem(what: "strategy meeting for sibling", who: "Children's Services", byWhen: date("2025-04-04"))]),
            criteria: [.multiAgencyWorking, .recurrentThemes],
            discussion: RapidReviewDiscussion(
                natureOfHarm: "fictional", meetsSeriousHarm: true, keyIssues: "information sharing", immediateLearning: "fictional learning",
                learningSharedBy: "partnership briefing", legalAdvice: YesNoDetails(answer: false))),
        format: .faceToFace, documentation: ["referral", "scoping returns: 3"],
        decision: RecommendationDecision(recommendation: .localReview, reasons: "fictional reasons"),
        submittedToNationalPanel: date("2025-04-07"))

    static let status = CaseStatus(
        reference: reference, stage: .rapidReview,
        milestones: [
            Milestone(event: "referralReceived", date: date("2025-03-25")), Milestone(event: "scopingRequestsSent", date: date("2025-03-26")),
        ],
        deadlines: [
            Deadline(rule: .t2, due: date("2025-03-27"), status: .met, metOn: date("2025-03-26"), ruleSet: .surrey2019),
            Deadline(rule: .t4, due: date("2025-04-11"), earliest: date("2025-04-03"), status: .open, ruleSet: .surrey2019),
        ])

    static let openRapidReview = RapidReviewAPI.OpenRapidReviewRequest(
        caseReference: reference, referralReceived: date("2025-03-24"), notifiedNationalPanel: date("2025-03-21"),
        meetingEarliest: date("2025-04-02"), meetingLatest: date("2025-04-10"), rapidReviewDue: date("2025-04-14"), ruleSet: .surrey2019,
        documentation: ["referral", "scoping return: Testshire Integrated Care Board"],
        agenciesAsked: [Agency(name: "Testshire Integrated Care Board", kind: .health)], incidentKind: .seriousHarm,
        incidentDate: date("2025-03-20"), laBecameAware: date("2025-03-21"))
}
