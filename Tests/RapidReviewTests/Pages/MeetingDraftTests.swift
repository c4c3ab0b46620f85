import Contract
import Foundation
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import RapidReviewService

/// The meeting form kept as a server-side draft per person and case (FORMS.md, Drafts), over
/// real sockets: a closed tab keeps what was typed after "Add another", "Check quorum" or
/// "Save draft"; discarded on request, after `CSPR_RAPID_REVIEW_DRAFT_DAYS`, or when the
/// meeting is recorded. In the pages' serialized suite: `PageBrowser` blocks its thread while
/// it waits, and two suites doing so at once on two cores starve the service in this process.
extension RapidReviewPagesTests {
    enum Drafts {
        static let other = CaseReference("TESTSHIRE-2025-0102")!
        static let page = "/meeting/\(reference)"
    }

    /// The drafts held, as (principal, case) pairs.
    static func meetingDrafts(_ harness: Harness) async throws -> [String] {
        try await harness.service.context.database.read { db in
            try db.query("SELECT principal, case_reference FROM meeting_drafts ORDER BY case_reference").map {
                "\(try $0["principal"] as String) \(try $0["case_reference"] as String)"
            }
        }
    }

    /// A new sign-in, as after closing the tab: the form as it comes.
    static func reopened(_ browser: PageBrowser, _ path: String = Drafts.page) async throws -> String {
        let (cookie, _) = try await browser.signIn(TestTokens.panel)
        return try await browser.get(path, cookie: cookie).body
    }

    @Test("drafts: a closed tab keeps what was typed after Add another, Check quorum and Save draft; per person and case; Discard draft ends it")
    func draftKeptAcrossTabs() async throws {
        try await Self.withPages { harness, browser in
            try await harness.prepare(Drafts.other, through: .scheduled)
            let (cookie, csrf) = try await Self.session(browser, TestTokens.panel, page: Drafts.page)
            #expect(!(try await browser.get(Drafts.page, cookie: cookie).body.contains("This is your draft")))
            let fields = Self.meetingFields() + [("csrfToken", csrf)]

            let added = try await browser.post(Drafts.page, cookie: cookie, form: fields + [("action", "add:participants")])
            #expect(added.status == 200)
            var form = try await Self.reopened(browser)
            #expect(form.contains("This is your draft"))
            #expect(form.contains("value=\"Dana Sample\""), "the participant typed is kept")
            #expect(form.contains("id=\"participants-4--name\""), "the participant added is kept")
            #expect(try await Self.meetingDrafts(harness) == ["Sam.Panel \(Self.reference)"])
            // Another case's form is its own: prefilled from that case, not this draft.
            let otherForm = try await Self.reopened(browser, "/meeting/\(Drafts.other)")
            #expect(!otherForm.contains("Dana Sample") && !otherForm.contains("This is your draft"))

            let checked = try await browser.post(
                Drafts.page, cookie: cookie,
                form: fields.map { $0.0 == "participants[1].role" ? ($0.0, "Detective Sergeant") : $0 } + [("action", "check")])
            #expect(checked.body.contains("Quorate"))
            #expect(try await Self.reopened(browser).contains("value=\"Detective Sergeant\""), "Check quorum keeps the draft")

            let saved = try await browser.post(
                Drafts.page, cookie: cookie,
                form: fields.map { $0.0 == "discussion.keyIssues" ? ($0.0, "Fictional: a draft of the key issues") : $0 } + [("action", "save")])
            #expect(saved.status == 200)
            #expect(saved.body.contains("Draft saved"))
            form = try await Self.reopened(browser)
            #expect(form.contains("Fictional: a draft of the key issues"), "Save draft keeps the draft")
            #expect(try await harness.rapidReview(Self.reference).meetings.isEmpty, "a draft records nothing")

            let discarded = try await browser.post(Drafts.page, cookie: cookie, form: [("csrfToken", csrf), ("action", "discard")])
            #expect(discarded.status == 303)
            #expect(discarded.headers["location"] == Drafts.page)
            #expect(!(try await Self.reopened(browser).contains("Dana Sample")))
            #expect(try await Self.meetingDrafts(harness).isEmpty)
        }
    }

    @Test("drafts: a meeting form's draft unchanged for CSPR_RAPID_REVIEW_DRAFT_DAYS is not shown and is dropped at the next save")
    func draftExpires() async throws {
        try await Self.withPages(extra: ["CSPR_RAPID_REVIEW_DRAFT_DAYS": "2"]) { harness, browser in
            try await harness.prepare(Drafts.other, through: .scheduled)
            let (cookie, csrf) = try await Self.session(browser, TestTokens.panel, page: Drafts.page)
            let fields = Self.meetingFields() + [("csrfToken", csrf), ("action", "save")]
            #expect(try await browser.post(Drafts.page, cookie: cookie, form: fields).status == 200)
            // Unchanged for a day: still there.
            try await harness.service.context.database.write { try $0.execute("UPDATE meeting_drafts SET updated = updated - 86400") }
            #expect(try await Self.reopened(browser).contains("value=\"Dana Sample\""))
            // Unchanged for three days, past the two: gone from the form, and from the table
            // at the next save of any draft.
            try await harness.service.context.database.write { try $0.execute("UPDATE meeting_drafts SET updated = updated - 2 * 86400") }
            #expect(!(try await Self.reopened(browser).contains("Dana Sample")))
            #expect(try await browser.post("/meeting/\(Drafts.other)", cookie: cookie, form: fields).status == 200)
            #expect(try await Self.meetingDrafts(harness) == ["Sam.Panel \(Drafts.other)"])
        }
    }

    @Test("drafts: recording the meeting removes its drafts; a double submit of it leaves none behind")
    func draftRemovedWhenRecorded() async throws {
        try await Self.withPages { harness, browser in
            let (cookie, csrf) = try await Self.session(browser, TestTokens.panel, page: Drafts.page)
            let fields = Self.meetingFields() + [("csrfToken", csrf)]
            #expect(try await browser.post(Drafts.page, cookie: cookie, form: fields + [("action", "save")]).status == 200)
            #expect(try await Self.meetingDrafts(harness).count == 1)
            let record = fields + [("action", "record"), (PageCall.keyField, "key-draft-0001")]
            #expect(try await browser.post(Drafts.page, cookie: cookie, form: record).status == 303)
            #expect(try await Self.meetingDrafts(harness).isEmpty)
            #expect(try await browser.post(Drafts.page, cookie: cookie, form: record).status == 303)
            #expect(try await Self.meetingDrafts(harness).isEmpty)
            #expect(try await harness.rapidReview(Self.reference).meetings.count == 1)
            // Each change of the draft is audited, as the personal data it holds.
            let entries = try await harness.service.context.database.read { try AuditTrail.entries($0, caseReference: Self.reference.description) }
            #expect(entries.filter { $0.method == "page:MeetingDraft" }.count >= 3)
        }
    }

    @Test("page_posts: a post remembered longer than 7 days is purged at start (and daily), a newer one kept; old drafts go too")
    func pagePostsPurged() async throws {
        let first = try await Harness.start()
        let directory = first.directory
        let now = Date()
        try await first.service.context.database.write { tx in
            for (key, age) in [("key-old-0001", 8.0), ("key-new-0001", 6.0), ("key-now-0001", 0.0)] {
                try tx.execute(
                    "INSERT INTO page_posts (key, principal, location, posted) VALUES (?, 'Sam.Panel', '/rapid-reviews/x', ?)", key,
                    ISO8601DateFormatter().string(from: now.addingTimeInterval(-age * 86400)))
            }
            for (reference, age) in [("TESTSHIRE-2025-0101", 31.0), ("TESTSHIRE-2025-0102", 29.0)] {
                try tx.execute(
                    "INSERT INTO meeting_drafts (principal, case_reference, fields, updated) VALUES ('Sam.Panel', ?, '{}', ?)", reference,
                    Int64(now.timeIntervalSince1970 - age * 86400))
            }
        }
        await first.stop()
        let second = try await Harness.start(directory: directory)
        try await withStopping(second, stop: { await $0.stop() }) { harness in
            func keys() async throws -> [String] {
                try await harness.service.context.database.read { try $0.query("SELECT key FROM page_posts ORDER BY key").map { try $0["key"] } }
            }
            let purged = try await eventually(within: .seconds(5)) { try await keys() == ["key-new-0001", "key-now-0001"] }
            let left = try await keys()
            #expect(purged, "\(left)")
            #expect(try await Self.meetingDrafts(harness) == ["Sam.Panel TESTSHIRE-2025-0102"])
        }
    }
}
