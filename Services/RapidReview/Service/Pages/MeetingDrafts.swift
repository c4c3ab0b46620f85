import Contract
import Foundation
import RPC
import Storage
import WebForms

/// A person's draft of a case's meeting form, kept in rapid-review's database so that nothing
/// typed is lost between the form's posts (Add another, Remove, Check quorum, Save draft) or
/// when the tab is closed, as intake keeps the referral's. One per person and case; it expires
/// `CSPR_RAPID_REVIEW_DRAFT_DAYS` after its last change and goes when the meeting is recorded.
enum MeetingDrafts {
    /// The person's live draft of the case's form, or nil.
    static func load(_ db: some DatabaseAccess, principal: String, reference: CaseReference, now: Date, lifetime: TimeInterval) throws -> FormData? {
        let text: String? = try db.value(
            "SELECT fields FROM meeting_drafts WHERE principal = ? AND case_reference = ? AND updated > ?", principal, reference.description,
            cutoff(now, lifetime))
        guard let text else { return nil }
        return FormData(values: (try? JSONCodec.decode([String: String].self, from: Data(text.utf8))) ?? [:])
    }

    /// Saves the fields typed, and drops every draft past its lifetime.
    static func save(
        _ tx: WriteTransaction, principal: String, reference: CaseReference, fields: FormData, now: Date, lifetime: TimeInterval
    ) throws {
        try expire(tx, now: now, lifetime: lifetime)
        let text = String(decoding: try JSONCodec.encode(fields.values), as: UTF8.self)
        try tx.execute(
            """
            INSERT INTO meeting_drafts (principal, case_reference, fields, updated) VALUES (?, ?, ?, ?)
            ON CONFLICT (principal, case_reference) DO UPDATE SET fields = excluded.fields, updated = excluded.updated
            """, principal, reference.description, text, Int64(now.timeIntervalSince1970))
    }

    /// Discards the person's draft of the case's form.
    static func discard(_ tx: WriteTransaction, principal: String, reference: CaseReference) throws {
        try tx.execute("DELETE FROM meeting_drafts WHERE principal = ? AND case_reference = ?", principal, reference.description)
    }

    /// Removes every draft of the case's form once its meeting is recorded: what they hold is
    /// now the record (or, for a meeting not quorate, of a meeting that is over).
    static func recorded(_ tx: WriteTransaction, reference: CaseReference) throws {
        try tx.execute("DELETE FROM meeting_drafts WHERE case_reference = ?", reference.description)
    }

    /// Drops the drafts unchanged for longer than `lifetime`; returns how many.
    @discardableResult
    static func expire(_ tx: WriteTransaction, now: Date, lifetime: TimeInterval) throws -> Int {
        let stale: Int64 = try tx.value("SELECT count(*) FROM meeting_drafts WHERE updated <= ?", cutoff(now, lifetime)) ?? 0
        try tx.execute("DELETE FROM meeting_drafts WHERE updated <= ?", cutoff(now, lifetime))
        return Int(stale)
    }

    private static func cutoff(_ now: Date, _ lifetime: TimeInterval) -> Int64 { Int64(now.timeIntervalSince1970 - lifetime) }
}
