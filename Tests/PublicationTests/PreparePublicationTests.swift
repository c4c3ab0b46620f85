import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// review-management's hand-over, and the reads over what it starts (P1).
@Suite("PreparePublication and the reads")
struct PreparePublicationTests {
    @Test("P1: before the hand-over every call on the case is NOT_FOUND, and changes nothing")
    func p1NothingBeforeHandOver() async throws {
        try await withPrepared(1) { harness, _ in
            let unknown = Fixtures.reference(2)
            try await harness.expectRefused(unknown, .notFound, "caseReference: P1: no approved report is held for \(unknown)") {
                _ = try await harness.publication(unknown)
            }
            try await harness.expectRefused(unknown, .notFound, "caseReference: P1:") {
                try await harness.recordAdvanceCopy(unknown, to: .ofsted, sentOn: Fixtures.today)
            }
        }
    }

    @Test("P1: the hand-over starts planning: the approved version, reviewers, recommendations and T7 are held")
    func p1HandOverStartsPlanning() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(1)
            let reply = try await harness.prepare(Fixtures.preparation(reference))
            #expect(reply == .init(caseReference: reference, prepared: true))
            let publication = try await harness.publication(reference)
            #expect(publication.state == .planning)
            #expect(publication.stage == .publication)
            #expect(publication.preparation == Fixtures.preparation(reference))
            #expect(publication.preparedOn == Fixtures.today)
            #expect(publication.reportVersion == 1)
            #expect(publication.preparation.reviewers.first == Fixtures.reviewerName)
            #expect(publication.advanceCopiesMissing == [.nationalPanel, .ofsted, .secretaryOfState])
            #expect(publication.earliestPublicationDate == nil)
            #expect(publication.milestones == [Milestone(event: "publicationPrepared", date: Fixtures.today)])
        }
    }

    @Test("the hand-over is applied once per key: a replay answers the first reply, stores nothing twice and leaves the feed alone")
    func appliedOncePerKey() async throws {
        try await withPrepared(1) { harness, reference in
            let (rows, feed) = (try await harness.tableRows(), try await harness.feedRows())
            let replay = try await harness.prepare(Fixtures.preparation(reference))
            #expect(replay == .init(caseReference: reference, prepared: true))
            #expect(try await harness.tableRows() == rows)
            #expect(try await harness.feedRows() == feed)
            // Another key for a case already held is answered without preparing it again.
            let again = try await harness.prepare(Fixtures.preparation(reference), key: "another-key")
            #expect(again == .init(caseReference: reference, prepared: false))
            #expect(try await harness.tableRows() == rows)
        }
    }

    @Test("the same key with another request, or a hand-over without a key, is refused and changes nothing")
    func keyReusedOrMissing() async throws {
        try await withPrepared(1) { harness, reference in
            let other = Fixtures.reference(2)
            try await harness.expectRefused(other, .invalidArgument, "idempotency-key:") {
                try await harness.prepare(Fixtures.preparation(other), key: "review-management/PreparePublication/\(reference)")
            }
            try await harness.expectRefused(other, .invalidArgument, "idempotency-key: a hand-over carries") {
                _ = try await harness.call(PublicationAPI.preparePublication, Fixtures.preparation(other), as: TestTokens.service(.reviewManagement))
            }
        }
    }

    @Test("a hand-over of another partnership, of version 0, or approved after today (P1) is refused naming the field")
    func handOverChecked() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(1)
            guard let elsewhere = CaseReference("OTHERSHIRE-2026-0001") else { return }
            try await harness.expectRefused(elsewhere, .invalidArgument, "caseReference: OTHERSHIRE-2026-0001 belongs to partnership OTHERSHIRE") {
                try await harness.prepare(Fixtures.preparation(elsewhere))
            }
            try await harness.expectRefused(reference, .invalidArgument, "reportVersion:") {
                try await harness.prepare(Fixtures.preparation(reference, version: 0))
            }
            try await harness.expectRefused(reference, .invalidArgument, "approvedOn: P1: 2027-01-12 is after today") {
                try await harness.prepare(Fixtures.preparation(reference, approvedOn: Fixtures.date("2027-01-12")))
            }
        }
    }

    @Test("only review-management's service principal hands over; a panel viewer lists but does not read a publication")
    func roles() async throws {
        try await withPrepared(1) { harness, reference in
            let refused = await captureRPCError {
                var metadata = Metadata()
                metadata.add("idempotency-key", "k")
                _ = try await harness.call(
                    PublicationAPI.preparePublication, Fixtures.preparation(Fixtures.reference(2)), as: TestTokens.staff, metadata: metadata)
            }
            #expect(refused?.code == .permissionDenied)
            let read = await captureRPCError {
                _ = try await harness.call(PublicationAPI.getPublication, .init(caseReference: reference), as: TestTokens.viewer)
            }
            #expect(read?.code == .permissionDenied)
            let listed = try await harness.list()
            #expect(listed.total == 1)
        }
    }

    @Test("ListPublications pages in reference order with the total, and holds no personal data")
    func listPages() async throws {
        try await withHarness { harness in
            for sequence in [3, 1, 2] { try await harness.prepare(Fixtures.preparation(Fixtures.reference(sequence))) }
            let first = try await harness.list(pageSize: 2)
            #expect(first.publications.map(\.caseReference) == [Fixtures.reference(1), Fixtures.reference(2)])
            #expect(first.total == 3)
            let second = try await harness.list(pageSize: 2, offset: 2)
            #expect(second.publications.map(\.caseReference) == [Fixtures.reference(3)])
            #expect(second.total == 3)
            #expect(try await harness.list().publications.count == 3)
            let text = String(decoding: try JSONEncoder().encode(first), as: UTF8.self)
            #expect(!text.contains(Fixtures.reviewerName) && !text.contains("Fictional"), "\(text)")
        }
    }

    @Test(
        "ListPublications refuses a page size outside 1...1000 or a negative offset, naming the field",
        arguments: [
            (0, 0, "pageSize: must be between 1 and 1000"), (1001, 0, "pageSize: must be between 1 and 1000"), (10, -1, "offset: must be 0 or more"),
        ])
    func listRefused(pageSize: Int, offset: Int, message: String) async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.expectRefused(reference, .invalidArgument, message) {
                _ = try await harness.list(pageSize: pageSize, offset: offset)
            }
        }
    }

    @Test("GetStatuses shows the publication stage and its milestones, with no personal data")
    func statuses() async throws {
        try await withPrepared(1) { harness, reference in
            try await harness.recordAdvanceCopy(reference, to: .ofsted, sentOn: Fixtures.date("2027-01-04"))
            let answer = try await harness.statuses([reference])
            let status = try #require(answer.statuses.first)
            #expect(status.reference == reference)
            #expect(status.stage == .publication)
            #expect(status.milestones.map(\.event) == ["advanceCopySent", "publicationPrepared"])
            let text = String(decoding: try JSONEncoder().encode(answer), as: UTF8.self)
            #expect(!text.contains(Fixtures.reviewerName) && !text.contains("Fictional"), "\(text)")
            // The change feed carries the same status.
            let page = try await harness.call(PublicationAPI.getStatuses, .init(), as: TestTokens.service(.gateway))
            #expect(page.statuses.map(\.reference) == [reference])
        }
    }
}
