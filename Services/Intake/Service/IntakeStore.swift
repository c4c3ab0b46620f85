import Contract
import Foundation
import RPC
import Storage
import WorkingDays

/// Intake's tables behind domain-named methods; handlers never see SQL. Methods taking a
/// `WriteTransaction` run inside the caller's write, so a refused call changes nothing.
enum IntakeStore {
    // MARK: cases

    /// Allocates the next reference of `year`: sequences only ever grow, so a reference is
    /// never reused, even if a case were removed.
    static func allocateReference(_ tx: WriteTransaction, partnership: String, year: Int) throws -> CaseReference {
        let last: Int = try tx.value("SELECT last FROM case_sequence WHERE year = ?", year) ?? 0
        let next = last + 1
        try tx.execute("INSERT INTO case_sequence (year, last) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET last = excluded.last", year, next)
        guard let reference = CaseReference(partnership: partnership, year: year, sequence: next) else {
            throw IntakeError.referencesExhausted(year: year)
        }
        return reference
    }

    /// Creates a case.
    static func createCase(
        _ tx: WriteTransaction, reference: CaseReference, child: Person, incident: Incident, anchor: CivilDate, referral: Referral?,
        notification: SeriousIncidentNotification?
    ) throws {
        try tx.execute(
            """
            INSERT INTO cases (reference, year, sequence, child_key, incident_date, anchor_date, referral, notification, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            reference.description, reference.year, reference.sequence, ChildKey.of(child), incident.date.description, anchor.description,
            try referral.map(json), try notification.map(json), Date())
    }

    /// The case of the same incident (same child, same incident date), if there is one.
    static func caseForIncident(_ db: some DatabaseAccess, child: Person, incidentDate: CivilDate) throws -> CaseRecord? {
        let rows = try db.query(
            "SELECT reference FROM cases WHERE child_key = ? AND incident_date = ? ORDER BY year, sequence", ChildKey.of(child),
            incidentDate.description)
        for row in rows {
            let text: String = try row["reference"]
            guard let reference = CaseReference(text), let record = try load(db, reference) else { continue }
            let known = record.referral?.child.person ?? record.notification?.child
            if let known, ChildKey.sameChild(known, child) { return record }
        }
        return nil
    }

    /// Attaches a referral to an existing case: as its referral if it has none, else as a
    /// further referral of the same incident. The anchor moves earlier if this one came first.
    static func attachReferral(_ tx: WriteTransaction, _ referral: Referral, to record: CaseRecord) throws {
        if record.referral == nil {
            try tx.execute("UPDATE cases SET referral = ? WHERE reference = ?", try json(referral), record.reference.description)
        } else {
            try tx.execute(
                "INSERT INTO linked_referrals (case_reference, referral, received) VALUES (?, ?, ?)", record.reference.description,
                try json(referral), referral.dateReceived.description)
        }
        try moveAnchor(tx, record, to: referral.dateReceived)
    }

    /// Attaches (or replaces) the notification of a case.
    static func attachNotification(_ tx: WriteTransaction, _ notification: SeriousIncidentNotification, to record: CaseRecord, received: CivilDate)
        throws
    {
        try tx.execute("UPDATE cases SET notification = ? WHERE reference = ?", try json(notification), record.reference.description)
        try moveAnchor(tx, record, to: received)
    }

    private static func moveAnchor(_ tx: WriteTransaction, _ record: CaseRecord, to date: CivilDate) throws {
        // Frozen once the case is handed over: rapid-review counts T4 and T6 from the dates it
        // was given.
        if date < record.anchor && record.handedOverOn == nil {
            try tx.execute("UPDATE cases SET anchor_date = ? WHERE reference = ?", date.description, record.reference.description)
        }
    }

    /// A whole case, or nil.
    static func load(_ db: some DatabaseAccess, _ reference: CaseReference) throws -> CaseRecord? {
        guard let row = try db.queryOne("SELECT * FROM cases WHERE reference = ?", reference.description) else { return nil }
        let anchorText: String = try row["anchor_date"]
        let handedOverText: String? = try row["handed_over_on"]
        let referralText: String? = try row["referral"]
        let notificationText: String? = try row["notification"]
        let requests = try db.query("SELECT request FROM scoping_requests WHERE case_reference = ? ORDER BY id", reference.description)
        let returns = try db.query(
            "SELECT scoping_return, agency_key, late FROM scoping_returns WHERE case_reference = ? ORDER BY id", reference.description)
        let linked = try db.query("SELECT referral FROM linked_referrals WHERE case_reference = ? ORDER BY id", reference.description)
        var late = Set<String>()
        for row in returns where try row["late"] as Bool { late.insert(try row["agency_key"]) }
        return CaseRecord(
            reference: reference, anchor: try date(anchorText), referral: try referralText.map { try decode(Referral.self, $0) },
            linkedReferrals: try linked.map { try decode(Referral.self, try $0["referral"]) },
            notification: try notificationText.map { try decode(SeriousIncidentNotification.self, $0) },
            requests: try requests.map { try decode(ScopingRequest.self, try $0["request"]) },
            returns: try returns.map { try decode(ScopingReturn.self, try $0["scoping_return"]) }, lateReturns: late,
            handedOverOn: try handedOverText.map(date))
    }

    /// Loads a case or refuses the call with NOT_FOUND.
    static func require(_ db: some DatabaseAccess, _ reference: CaseReference) throws -> CaseRecord {
        guard let record = try load(db, reference) else { throw IntakeError.caseNotFound(reference) }
        return record
    }

    /// Every case reference, oldest first.
    static func allReferences(_ db: some DatabaseAccess) throws -> [CaseReference] {
        try db.query("SELECT reference FROM cases ORDER BY year, sequence").compactMap { CaseReference(try $0["reference"] as String) }
    }

    // MARK: scoping

    /// Records a scoping request; a second one to the same agency is refused.
    static func addRequest(_ tx: WriteTransaction, _ request: ScopingRequest, to reference: CaseReference, field: String) throws {
        do {
            try tx.execute(
                "INSERT INTO scoping_requests (case_reference, agency_key, request) VALUES (?, ?, ?)", reference.description,
                AgencyKey.of(request.agency.name), try json(request))
        } catch let error as DatabaseError where error.kind == .constraint(.unique) {
            throw IntakeError.alreadyExists(field: field, problem: "\(request.agency.name) was already sent a scoping request for this case")
        }
    }

    /// Records a scoping return; a second one from the same agency is refused.
    static func addReturn(_ tx: WriteTransaction, _ scopingReturn: ScopingReturn, late: Bool, to reference: CaseReference) throws {
        do {
            try tx.execute(
                "INSERT INTO scoping_returns (case_reference, agency_key, scoping_return, late) VALUES (?, ?, ?, ?)", reference.description,
                AgencyKey.of(scopingReturn.agency.name), try json(scopingReturn), late)
        } catch let error as DatabaseError where error.kind == .constraint(.unique) {
            throw IntakeError.alreadyExists(
                field: "scopingReturn.agency.name", problem: "\(scopingReturn.agency.name) has already returned its scoping form")
        }
    }

    /// Marks the case handed over to the Rapid Review.
    static func markHandedOver(_ tx: WriteTransaction, _ reference: CaseReference, on date: CivilDate) throws {
        try tx.execute("UPDATE cases SET handed_over_on = ? WHERE reference = ? AND handed_over_on IS NULL", date.description, reference.description)
    }

    // MARK: encoding

    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONCodec.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONCodec.decode(type, from: Data(text.utf8))
    }

    static func date(_ text: String) throws -> CivilDate {
        guard let date = CivilDate(text) else { throw StorageError.conversion(column: "date", value: .text(text), type: "CivilDate", sql: nil) }
        return date
    }
}
