import Contract
import Foundation
import WorkingDays

/// Obviously fictional referrals for the stack tests.
enum StackFixture {
    static func date(_ text: String) -> CivilDate {
        guard let date = CivilDate(text) else { fatalError("bad fixture date \(text)") }
        return date
    }

    static func referral(child: String, received: String = "2025-03-24") -> Referral {
        Referral(
            child: ChildDetails(
                person: Person(name: child, dateOfBirth: date("2019-03-01")),
                incident: Incident(kind: .seriousHarm, date: date("2025-03-20"))),
            dateOfReferral: date(received), dateReceived: date(received),
            referrer: Contact(name: "Stack Referrer", agencyAndDesignation: "Stack Primary School, DSL"),
            safeguardingLeadConsulted: Contact(name: "Stack Lead", agencyAndDesignation: "Stack Police, DI"),
            caseBackground: "fictional background", reasonForReferral: "fictional reason")
    }

    /// A scoping request to Stack Police for `reference`, sent on 25 March.
    static func scopingRequestToPolice(_ reference: CaseReference) -> IntakeAPI.SendScopingRequestsRequest {
        .init(
            caseReference: reference,
            requests: [
                IntakeAPI.ScopingRequestDraft(
                    agency: Agency(name: "Stack Police", kind: .police),
                    contact: Contact(name: "Stack DSL", agencyAndDesignation: "Stack Police"),
                    dateSent: date("2025-03-25"))
            ])
    }
}
