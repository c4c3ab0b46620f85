import Contract
import Foundation
import ServiceTestSupport
import TestSupport
import Testing

/// The advance copies, scheduling, publishing, the repository and the decision not to publish
/// as forms over real sockets: each posts to its call's own handler, so a refusal is the call's
/// (its rule id beside its field, the values kept, nothing changed), a double submit is
/// applied once, and the roles are the call's.
@Suite("publication's pages: advance copies, the date, publishing, the repository, not publishing", .serialized)
struct PublishingPagesTests {
    static let copiesOn = "2027-01-04"

    /// The three advance copies through the form.
    static func copies(_ session: PageSession, _ reference: CaseReference) async throws {
        for recipient in ["nationalPanel", "ofsted", "secretaryOfState"] {
            let answer = try await session.post(
                "/advance-copy/\(reference)",
                [("recipient", recipient), ("reportVersion", "1"), ("document", "report")] + dateFields("sentOn", copiesOn),
                key: "copy-\(recipient)-\(reference)")
            #expect(answer.status == 303, "\(recipient): \(answer.status)")
            #expect(answer.headers["location"] == "/publications/\(reference)?recorded=advance-copy")
        }
    }

    @Test("T9: a date too early is refused beside the publication date with its rule id, the values kept, nothing recorded")
    func t9Refused() async throws {
        try await withPrepared(311) { harness, reference in
            let session = try await PageSession.signIn(harness, TestTokens.publication)
            try await Self.copies(session, reference)
            #expect(try await harness.publication(reference).advanceCopiesMissing.isEmpty)
            let rows = try await harness.tableRows()
            let address = "https://testshire.example/cspr/kept-value"
            let answer = try await session.post(
                "/schedule/\(reference)", dateFields("publicationDate", "2027-01-12") + [("address", address)], key: "schedule-t9")
            #expect(answer.status == 400)
            #expect(answer.body.contains("<title>Error: Schedule the publication"))
            #expect(answer.body.contains("href=\"#publicationDate-day\""))
            #expect(answer.body.contains("id=\"publicationDate-error\""))
            #expect(answer.body.contains("Publication date: T9: 2027-01-12 is fewer than 7 working days"))
            #expect(answer.body.contains("value=\"\(address)\""), "the value typed is kept")
            #expect(try await harness.tableRows() == rows)
        }
    }

    @Test("P4: scheduling before the gate is passed is refused naming P4; a double submit once it is passed schedules once")
    func gateThenDoubleSubmit() async throws {
        try await withPrepared(312) { harness, reference in
            let session = try await PageSession.signIn(harness, TestTokens.publication)
            try await Self.copies(session, reference)
            let fields = dateFields("publicationDate", "2027-01-13") + [("address", Fixtures.address)]
            let refused = try await session.post("/schedule/\(reference)", fields, key: "schedule-p4")
            #expect(refused.status == 400)
            #expect(refused.body.contains("P4: "))
            #expect(try await harness.publication(reference).schedules.isEmpty)
            try await harness.passAnonymisationGate(reference)
            let first = try await session.post("/schedule/\(reference)", fields, key: "schedule-once")
            let second = try await session.post("/schedule/\(reference)", fields, key: "schedule-once")
            #expect(first.status == 303 && second.status == 303)
            #expect(second.headers["location"] == first.headers["location"])
            #expect(try await harness.publication(reference).schedules.count == 1)
        }
    }

    @Test("a post without the CSRF token, or by a role the call refuses, changes nothing")
    func csrfAndRoles() async throws {
        try await withPrepared(313) { harness, reference in
            let rows = try await harness.tableRows()
            let session = try await PageSession.signIn(harness, TestTokens.publication)
            let noToken = try await session.post(
                "/advance-copy/\(reference)", [("recipient", "ofsted"), ("reportVersion", "1")] + dateFields("sentOn", Self.copiesOn),
                withToken: false)
            #expect(noToken.status == 403)
            let panel = try await PageSession.signIn(harness, TestTokens.panel)
            let forbidden = try await panel.post(
                "/advance-copy/\(reference)", [("recipient", "ofsted"), ("reportVersion", "1")] + dateFields("sentOn", Self.copiesOn),
                key: "panel-copy")
            #expect(forbidden.status == 403)
            #expect(try await harness.tableRows() == rows)
        }
    }

    @Test("P5, T10: recorded as published, then the repository submission; P2: a decision not to publish on another case")
    func publishedRepositoryAndNotPublishing() async throws {
        try await withPrepared(314) { harness, reference in
            try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2026-12-02"))
            try await harness.passAnonymisationGate(reference)
            let session = try await PageSession.signIn(harness, TestTokens.publication)
            let form = try await session.get("/published-on/\(reference)")
            #expect(form.status == 200)
            let future = try await session.post(
                "/published-on/\(reference)", dateFields("publishedOn", "2027-01-12") + [("address", Fixtures.address)], key: "published-future")
            #expect(future.status == 400)
            #expect(future.body.contains("id=\"publishedOn-error\""))
            #expect(future.body.contains("P5"))
            let published = try await session.post(
                "/published-on/\(reference)", dateFields("publishedOn", Fixtures.todayText) + [("address", Fixtures.address)], key: "published")
            #expect(published.headers["location"] == "/publications/\(reference)?recorded=published")
            #expect(try await harness.publication(reference).published?.publishedOn == Fixtures.today)
            let page = try await session.get("/publications/\(reference)?recorded=published")
            #expect(page.body.contains("Publication recorded"))
            #expect(page.body.contains("href=\"/repository/\(reference)\""))
            let submitted = try await session.post("/repository/\(reference)", dateFields("submittedOn", Fixtures.todayText), key: "repository")
            #expect(submitted.status == 303)
            #expect(try await harness.publication(reference).repositorySubmissions.count == 1)

            let other = Fixtures.reference(315)
            try await harness.prepare(Fixtures.preparation(other))
            let missing = try await session.post(
                "/not-publishing/\(other)", dateFields("decidedOn", "2027-01-05") + [("reasons", ""), ("decidedBy", "Fictional: the partners")],
                key: "not-publishing-missing")
            #expect(missing.status == 400)
            #expect(missing.body.contains("href=\"#caseReviewPanelAgreed\""))
            let decided = try await session.post(
                "/not-publishing/\(other)",
                dateFields("decidedOn", "2027-01-05") + [
                    ("reasons", "Fictional: the siblings would be identified"), ("decidedBy", "Fictional: the partners"),
                    ("caseReviewPanelAgreed", "yes"),
                ], key: "not-publishing")
            #expect(decided.status == 303)
            #expect(try await harness.publication(other).state == .notPublishingReport)
        }
    }
}
