import Contract
import Foundation
import RPC
import ServiceKit
import Storage
import WorkingDays

/// How a case is read from intake's tables. Forms are kept whole as JSON (they are read and
/// written whole); the columns beside them are what the service searches and sorts by.
enum CaseRows {
    /// The statements a change runs on one case (loading it, finding the case of an incident);
    /// each is an indexed search, so a write costs the same however many cases there are (a test
    /// checks their query plans).
    enum Lookup {
        static let caseRow = "SELECT * FROM cases WHERE reference = ?"
        static let requests = "SELECT request FROM scoping_requests WHERE case_reference = ? ORDER BY id"
        static let returns = "SELECT scoping_return, agency_key, late FROM scoping_returns WHERE case_reference = ? ORDER BY id"
        static let linkedReferrals = "SELECT referral FROM linked_referrals WHERE case_reference = ? ORDER BY id"
        static let linkedReferralCount = "SELECT count(*) FROM linked_referrals WHERE case_reference = ?"
        static let extensions = "SELECT record FROM deadline_extensions WHERE case_reference = ? ORDER BY id"
        /// The child's key as written now and as written before issue 17 (rows keep theirs).
        static let incident =
            "SELECT reference FROM cases WHERE child_key IN (?, ?) AND incident_date = ? AND merged_into IS NULL ORDER BY year, sequence"
        /// The possible matches of a case's child flagged on it, and flagged on the other case.
        static let childMatches = "SELECT other_reference AS other, state, decided_by, decided_on, id FROM child_matches WHERE case_reference = ?"
        static let childMatchedBy = "SELECT case_reference AS other, state, decided_by, decided_on, id FROM child_matches WHERE other_reference = ?"
        static let sequence = "SELECT last FROM case_sequence WHERE year = ?"
        /// Every statement above with the number of values it takes.
        static let all = [
            (caseRow, 1), (requests, 1), (returns, 1), (linkedReferrals, 1), (linkedReferralCount, 1), (extensions, 1), (incident, 3),
            (childMatches, 1), (childMatchedBy, 1), (sequence, 1),
        ]
    }

    /// A case, or nil. A change loads it without the bodies of its linked referrals
    /// (`withLinkedReferrals: false`): nothing a change checks depends on them, and a case
    /// linked to many referrals then costs no more to extend than any other.
    static func load(_ db: some DatabaseAccess, _ reference: CaseReference, withLinkedReferrals: Bool = true) throws -> IntakeCase? {
        guard let row = try db.queryOne(Lookup.caseRow, reference) else { return nil }
        let anchor: CivilDate = try row["anchor_date"]
        let handedOverOn: CivilDate? = try row["handed_over_on"]
        let meetingHeldOn: CivilDate? = try row["meeting_held_on"]
        let requests = try db.query(Lookup.requests, reference)
        let returns = try db.query(Lookup.returns, reference)
        let linked =
            withLinkedReferrals ? try db.query(Lookup.linkedReferrals, reference) : []
        let extensions = try db.query(Lookup.extensions, reference)
        let matches = try (db.query(Lookup.childMatches, reference) + db.query(Lookup.childMatchedBy, reference)).sorted {
            try ($0["id"] as Int) < ($1["id"] as Int)
        }
        var late = Set<String>()
        for row in returns where try row["late"] as Bool { late.insert(try row["agency_key"]) }
        var loaded = IntakeCase(
            reference: reference, anchor: anchor, referral: try JSONColumn.valueIfPresent(Referral.self, row, "referral", table: "cases"),
            linkedReferrals: try linked.map { try JSONColumn.value(Referral.self, $0, "referral", table: "linked_referrals") },
            notification: try JSONColumn.valueIfPresent(SeriousIncidentNotification.self, row, "notification", table: "cases"),
            requests: try requests.map { try JSONColumn.value(ScopingRequest.self, $0, "request", table: "scoping_requests") },
            returns: try returns.map { try JSONColumn.value(ScopingReturn.self, $0, "scoping_return", table: "scoping_returns") },
            lateReturns: late,
            handedOverOn: handedOverOn, meetingHeldOn: meetingHeldOn)
        loaded.childMatches = try matches.map { row in
            let state: String = try row["state"]
            return IntakeAPI.ChildMatch(
                otherCase: try row["other"], state: IntakeAPI.ChildMatchState(rawValue: state) ?? .flagged, decidedBy: try row["decided_by"],
                decidedOn: try row["decided_on"])
        }
        loaded.mergedInto = try row["merged_into"]
        loaded.mergedOn = try row["merged_on"]
        loaded.extensions = try extensions.map { try JSONColumn.value(DeadlineExtension.self, $0, "record", table: "deadline_extensions") }
        return loaded
    }

    /// Loads a case or refuses the call with NOT_FOUND.
    static func require(_ db: some DatabaseAccess, _ reference: CaseReference, withLinkedReferrals: Bool = true) throws -> IntakeCase {
        guard let found = try load(db, reference, withLinkedReferrals: withLinkedReferrals) else { throw IntakeError.caseNotFound(reference) }
        return found
    }

    /// Every case reference, oldest first.
    static func allReferences(_ db: some DatabaseAccess) throws -> [CaseReference] {
        try db.query("SELECT reference FROM cases ORDER BY year, sequence").map { try $0["reference"] }
    }

    /// The cases whose child's key is one of these and whose incident date is this, oldest first.
    static func references(_ db: some DatabaseAccess, childKeys: (String, String), incidentDate: CivilDate) throws -> [CaseReference] {
        try db.query(Lookup.incident, childKeys.0, childKeys.1, incidentDate).map { try $0["reference"] }
    }
}
