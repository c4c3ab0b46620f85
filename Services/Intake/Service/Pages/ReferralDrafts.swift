import Contract
import Foundation
import RPC
import Storage
import WebForms

/// A person's draft of the referral form, kept in intake's database so that nothing typed is
/// lost between the form's posts (Add another, Remove, Continue). One per person; it expires
/// `CSPR_INTAKE_DRAFT_DAYS` after its last change. After its submission it keeps the key and
/// the answer, so that a double submit redirects to the same confirmation.
struct ReferralDraft: Sendable {
    /// The fields as typed.
    var fields: FormData
    /// The idempotency key of its last submission.
    var submittedKey: String?
    /// The answer to that submission.
    var submitted: IntakeAPI.SubmitReferralResponse?
}

/// The drafts table in the domain's words.
enum ReferralDrafts {
    /// The person's live draft, or nil.
    static func load(_ db: some DatabaseAccess, principal: String, now: Date, lifetime: TimeInterval) throws -> ReferralDraft? {
        guard let row = try db.queryOne("SELECT * FROM referral_drafts WHERE principal = ? AND updated > ?", principal, cutoff(now, lifetime))
        else { return nil }
        let fieldsText: String = try row["fields"]
        let fields = (try? JSONCodec.decode([String: String].self, from: Data(fieldsText.utf8))) ?? [:]
        let response: String? = try row["submitted_response"]
        return ReferralDraft(
            fields: FormData(values: fields), submittedKey: try row["submitted_key"],
            submitted: response.flatMap { try? JSONCodec.decode(IntakeAPI.SubmitReferralResponse.self, from: Data($0.utf8)) })
    }

    /// Saves the fields typed (a submitted draft's answer is kept until the next submission).
    static func save(_ tx: WriteTransaction, principal: String, fields: FormData, now: Date, lifetime: TimeInterval) throws {
        try tx.execute("DELETE FROM referral_drafts WHERE updated <= ?", cutoff(now, lifetime))
        let text = String(decoding: try JSONCodec.encode(fields.values), as: UTF8.self)
        try tx.execute(
            """
            INSERT INTO referral_drafts (principal, fields, updated) VALUES (?, ?, ?)
            ON CONFLICT (principal) DO UPDATE SET fields = excluded.fields, updated = excluded.updated
            """, principal, text, Int64(now.timeIntervalSince1970))
    }

    /// Empties the draft after its submission, keeping the key and the answer.
    static func submitted(_ tx: WriteTransaction, principal: String, key: String, response: IntakeAPI.SubmitReferralResponse, now: Date) throws {
        let text = String(decoding: try JSONCodec.encode(response), as: UTF8.self)
        try tx.execute(
            """
            INSERT INTO referral_drafts (principal, fields, updated, submitted_key, submitted_response) VALUES (?, '{}', ?, ?, ?)
            ON CONFLICT (principal) DO UPDATE SET fields = '{}', updated = excluded.updated, submitted_key = excluded.submitted_key,
                submitted_response = excluded.submitted_response
            """, principal, Int64(now.timeIntervalSince1970), key, text)
    }

    /// Discards the person's draft.
    static func discard(_ tx: WriteTransaction, principal: String) throws {
        try tx.execute("DELETE FROM referral_drafts WHERE principal = ?", principal)
    }

    private static func cutoff(_ now: Date, _ lifetime: TimeInterval) -> Int64 { Int64(now.timeIntervalSince1970 - lifetime) }
}
