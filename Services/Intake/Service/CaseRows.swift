import Contract
import Foundation
import RPC
import ServiceKit
import Storage
import WorkingDays

/// How a case is read from intake's tables. Forms are kept whole as JSON (they are read and
/// written whole); the columns beside them are what the service searches and sorts by.
enum CaseRows {
    /// A whole case, or nil.
    static func load(_ db: some DatabaseAccess, _ reference: CaseReference) throws -> IntakeCase? {
        guard let row = try db.queryOne("SELECT * FROM cases WHERE reference = ?", reference) else { return nil }
        let anchor: CivilDate = try row["anchor_date"]
        let handedOverOn: CivilDate? = try row["handed_over_on"]
        let referralText: String? = try row["referral"]
        let notificationText: String? = try row["notification"]
        let requests = try db.query("SELECT request FROM scoping_requests WHERE case_reference = ? ORDER BY id", reference)
        let returns = try db.query(
            "SELECT scoping_return, agency_key, late FROM scoping_returns WHERE case_reference = ? ORDER BY id", reference)
        let linked = try db.query("SELECT referral FROM linked_referrals WHERE case_reference = ? ORDER BY id", reference)
        var late = Set<String>()
        for row in returns where try row["late"] as Bool { late.insert(try row["agency_key"]) }
        return IntakeCase(
            reference: reference, anchor: anchor, referral: try referralText.map { try decode(Referral.self, $0) },
            linkedReferrals: try linked.map { try decode(Referral.self, try $0["referral"]) },
            notification: try notificationText.map { try decode(SeriousIncidentNotification.self, $0) },
            requests: try requests.map { try decode(ScopingRequest.self, try $0["request"]) },
            returns: try returns.map { try decode(ScopingReturn.self, try $0["scoping_return"]) }, lateReturns: late,
            handedOverOn: handedOverOn)
    }

    /// Loads a case or refuses the call with NOT_FOUND.
    static func require(_ db: some DatabaseAccess, _ reference: CaseReference) throws -> IntakeCase {
        guard let found = try load(db, reference) else { throw IntakeError.caseNotFound(reference) }
        return found
    }

    /// Every case reference, oldest first.
    static func allReferences(_ db: some DatabaseAccess) throws -> [CaseReference] {
        try db.query("SELECT reference FROM cases ORDER BY year, sequence").map { try $0["reference"] }
    }

    /// The cases whose child's key and incident date are these, oldest first.
    static func references(_ db: some DatabaseAccess, childKey: String, incidentDate: CivilDate) throws -> [CaseReference] {
        try db.query(
            "SELECT reference FROM cases WHERE child_key = ? AND incident_date = ? ORDER BY year, sequence", childKey, incidentDate
        ).map { try $0["reference"] }
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONCodec.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONCodec.decode(type, from: Data(text.utf8))
    }
}
