import Contract
import Foundation
import GatewayStandIns
import H2
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@testable import PublicationService

/// The public listing: `GET /published` and `/published.json`, no login, nothing held back.
@Suite("The public listing of published reports")
struct PublishedListingTests {
    /// The gateway dashboard's policy, which the listing keeps.
    static let policy = "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    @Test("P2, P5: the listing shows published reports and published information about improvements, never a report held back, with no token")
    func listing() async throws {
        try await withHarness { harness in
            let (published, notPublished, scheduled) = (Fixtures.reference(1), Fixtures.reference(2), Fixtures.reference(3))
            for reference in [published, notPublished, scheduled] { try await harness.prepare(Fixtures.preparation(reference)) }
            try await harness.recordAllAdvanceCopies(published, sentOn: Fixtures.date("2026-12-30"))
            try await harness.passAnonymisationGate(published)
            try await harness.recordPublished(published, on: Fixtures.today, address: "https://testshire.example/cspr/1")
            // Decided not to publish: the report's copies went out, but only the information about improvements is published.
            try await harness.recordAllAdvanceCopies(notPublished, sentOn: Fixtures.date("2026-12-29"))
            try await harness.decideNotToPublish(notPublished, on: Fixtures.date("2026-12-30"))
            try await harness.recordAllAdvanceCopies(notPublished, sentOn: Fixtures.date("2026-12-30"), of: .improvementsInformation)
            try await harness.recordPublished(notPublished, on: Fixtures.today, address: "https://testshire.example/cspr/2")
            // Scheduled, not yet published: absent.
            try await harness.recordAllAdvanceCopies(scheduled, sentOn: Fixtures.date("2027-01-04"))
            try await harness.passAnonymisationGate(scheduled)
            try await harness.schedule(scheduled, on: Fixtures.date("2027-01-20"))

            let json = try await getPage(port: harness.service.port, "/published.json")
            #expect(json.status == 200 && json.headers["content-security-policy"] == Self.policy && json.headers["cache-control"] == "no-store")
            let listing = try JSONCodec.decode(PublicationAPI.PublishedListing.self, from: json.body)
            #expect(
                listing.published == [
                    .init(
                        caseReference: published, title: "Local Child Safeguarding Practice Review \(published)", document: .report,
                        publishedOn: Fixtures.today, address: "https://testshire.example/cspr/1"),
                    .init(
                        caseReference: notPublished, title: "Information about improvements: \(notPublished)", document: .improvementsInformation,
                        publishedOn: Fixtures.today, address: "https://testshire.example/cspr/2"),
                ])
            let page = try await getPage(port: harness.service.port, "/published")
            let html = String(decoding: page.body, as: UTF8.self)
            #expect(page.status == 200 && page.headers["content-type"] == "text/html; charset=utf-8")
            #expect(page.headers["content-security-policy"] == Self.policy && page.headers["x-frame-options"] == "DENY")
            #expect(html.contains("href=\"https://testshire.example/cspr/1\"") && html.contains("Information about improvements: \(notPublished)"))
            #expect(!html.contains(scheduled.description) && !html.contains("Local Child Safeguarding Practice Review \(notPublished)"))
            // No text and no names: the report itself is at its address.
            #expect(!html.contains(Fixtures.reviewerName) && !html.contains("Child A"))
            #expect(try await getPage(port: harness.service.port, "/other").status == 404)
        }
    }

    @Test("the HTML listing escapes what it shows")
    func escapes() throws {
        let reference = Fixtures.reference(1)
        let html = PublishedPages.html(
            .init(published: [
                .init(
                    caseReference: reference, title: "T", document: .report, publishedOn: Fixtures.today,
                    address: "https://x.example/?a=1&b=\"<script>")
            ]))
        #expect(html.contains("https://x.example/?a=1&amp;b=&quot;&lt;script&gt;") && !html.contains("<script>"))
    }
}
