import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import Storage
import TestSupport
import Testing
import WorkingDays

@testable import IntakeService

/// An intake started in this process for the change-feed tests: a client for its calls and its
/// database for what only SQL shows (change versions, the rows themselves).
struct FeedIntake {
    let directory: TestDirectory
    let service: RunningService
    let client: RPCClient
    let today: String

    /// Starts intake on `directory`'s data with "today" `today` (nothing listens for rapid-review).
    static func start(_ directory: TestDirectory, today: String = "2025-03-26") async throws -> FeedIntake {
        let service = try await startInProcess(
            IntakeService.definition, directory, peers: [.rapidReview: try freePort()], extra: ["CSPR_TODAY": today])
        return FeedIntake(directory: directory, service: service, client: RPCClient(host: "127.0.0.1", port: service.port), today: today)
    }

    /// Starts intake in a fresh folder, runs `body` with it, and stops it however `body` ends.
    static func with<T>(today: String = "2025-03-26", _ body: (FeedIntake) async throws -> T) async throws -> T {
        let intake = try await start(TestDirectory(), today: today)
        return try await withStopping(intake, stop: { await $0.stop() }, body)
    }

    func stop() async { await service.stop(grace: .seconds(1)) }

    var database: Database { service.context.database }

    /// Opens a case for the `number`th fictional child (a new case per number), as staff.
    func open(_ number: Int, received: String = "2025-03-24") async throws -> CaseReference {
        let referral = Fixture.referral(child: FeedChildren.child(number), referred: received, received: received)
        return try await client.call(IntakeAPI.submitReferral, .init(referral: referral), as: TestTokens.staff, deadline: .seconds(10)).caseReference
    }

    /// Asks `agencies` (police or the local authority) for scoping on `reference`.
    func ask(_ reference: CaseReference, _ agencies: [String] = FeedChildren.agencies) async throws {
        let drafts = agencies.map { Fixture.draft($0, kind: FeedChildren.kind($0), sent: "2025-03-25") }
        _ = try await client.call(
            IntakeAPI.sendScopingRequests, .init(caseReference: reference, requests: drafts), as: TestTokens.staff, deadline: .seconds(10))
    }

    /// Records `agency`'s scoping return on `reference`.
    func returned(_ reference: CaseReference, from agency: String) async throws {
        let scopingReturn = Fixture.scopingReturn(agency, kind: FeedChildren.kind(agency), received: "2025-03-26")
        _ = try await client.call(
            IntakeAPI.recordScopingReturn, .init(caseReference: reference, scopingReturn: scopingReturn), as: TestTokens.staff,
            deadline: .seconds(10))
    }

    /// One page of the feed after `since`.
    func page(after since: StatusCursor?, size: Int? = nil) async throws -> GetStatusesResponse {
        try await client.call(
            IntakeAPI.getStatuses, .init(since: since, pageSize: size), as: TestTokens.service(.gateway), deadline: .seconds(10))
    }

    /// Pages from `since` until `more` is false, checking each page keeps the feed's promises;
    /// returns every status read, in feed order, and the last `next`.
    func readToEnd(
        after since: StatusCursor?, size: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> (statuses: [CaseStatus], next: StatusCursor) {
        var statuses: [CaseStatus] = []
        var cursor = since
        while true {
            let page = try await page(after: cursor, size: size)
            let next = try #require(page.next, sourceLocation: sourceLocation)
            FeedPage.check(page, after: cursor, size: size, sourceLocation: sourceLocation)
            statuses += page.statuses
            cursor = next
            if page.more != true { return (statuses, next) }
        }
    }

    /// The case's status as GetCase works it out from the case, today.
    func recomputed(_ reference: CaseReference) async throws -> CaseStatus {
        try await client.call(IntakeAPI.getCase, .init(caseReference: reference), as: TestTokens.panel, deadline: .seconds(10)).status
    }

    /// Every stored status row: its version and its text, by reference.
    func rows() async throws -> [CaseReference: FeedRow] { try await FeedRow.all(database) }
}

/// One row of `case_status` as stored.
struct FeedRow: Equatable, Sendable {
    var version: Int64
    var status: String

    /// Every row of `database`, by reference.
    static func all(_ database: Database) async throws -> [CaseReference: FeedRow] {
        try await database.read { db in
            var rows: [CaseReference: FeedRow] = [:]
            for row in try db.query("SELECT reference, version, status FROM case_status") {
                rows[try row[0]] = FeedRow(version: try row[1], status: try row[2])
            }
            return rows
        }
    }

    /// The references of `database`'s rows in change-version order.
    static func order(_ database: Database) async throws -> [CaseReference] {
        try await database.read { db in try db.query("SELECT reference FROM case_status ORDER BY version").map { try $0[0] } }
    }
}

/// The promises of one page of the feed.
enum FeedPage {
    /// A page is at most `size` long, full when more wait, names a case at most once, and moves
    /// the cursor on exactly when it holds statuses.
    static func check(_ page: GetStatusesResponse, after since: StatusCursor?, size: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(page.statuses.count <= size, sourceLocation: sourceLocation)
        if page.more == true { #expect(page.statuses.count == size, sourceLocation: sourceLocation) }
        #expect(Set(page.statuses.map(\.reference)).count == page.statuses.count, "a case twice in one page", sourceLocation: sourceLocation)
        #expect(page.restarted == nil, sourceLocation: sourceLocation)
        guard let next = page.next else { return }
        let from = since?.version ?? 0
        if page.statuses.isEmpty {
            #expect(next.version == from, "an empty page moved the cursor", sourceLocation: sourceLocation)
        } else {
            #expect(next.version > from, "the cursor went back", sourceLocation: sourceLocation)
        }
        if let since { #expect(next.feed == since.feed, sourceLocation: sourceLocation) }
    }
}

/// Obviously fictional children, one per number: intake tells children apart by the letters of
/// their name, so the number is spelled in letters.
enum FeedChildren {
    static let agencies = ["Testshire Children's Services", "Testshire Police"]

    static func kind(_ agency: String) -> PartnerKind { agency.contains("Police") ? .police : .localAuthority }

    static func child(_ number: Int) -> Person { Fixture.child(name: "Zebedee \(letters(number)) Quillfeather") }

    /// `number` in base 26 with the letters a-z, capitalised: 0 is "A", 27 is "Bb".
    static func letters(_ number: Int) -> String {
        var digits: [Character] = []
        var rest = number
        repeat {
            digits.insert(Character(UnicodeScalar(UInt8(97 + rest % 26))), at: 0)
            rest /= 26
        } while rest > 0
        return String(digits).capitalized
    }
}

/// Each status of `statuses` at its last appearance: what a reader holds after reading them in
/// feed order.
func latest(_ statuses: [CaseStatus]) -> [CaseReference: CaseStatus] {
    statuses.reduce(into: [:]) { $0[$1.reference] = $1 }
}
