import Contract
import Foundation
import RPC
import Testing

/// The wire names of the contract are pinned by files under `golden/`: renaming a Swift
/// property changes the JSON and fails here. `CSPR_UPDATE_GOLDEN=1 swift test` rewrites them
/// after an intended (additive) change.
@Suite("Golden JSON of the contract")
struct GoldenTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("golden")

    static func pretty<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Instants on the wire are RFC 3339 UTC (JSONCodec), so they are in the golden files too.
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    static func check<T: Codable & Equatable>(_ name: String, _ value: T) throws {
        let file = directory.appendingPathComponent("\(name).json")
        let encoded = try pretty(value)
        if ProcessInfo.processInfo.environment["CSPR_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try encoded.write(to: file, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(encoded == golden, "the JSON of \(name) differs from golden/\(name).json")
        // And the golden text decodes to the same message.
        #expect(try JSONCodec.decode(T.self, from: Data(golden.utf8)) == value)
    }

    @Test("the referral (Appendix 2) keeps its wire names") func referral() throws { try Self.check("referral", Samples.referral) }
    @Test("the serious incident notification keeps its wire names") func notification() throws {
        try Self.check("notification", Samples.notification)
    }
    @Test("the scoping request keeps its wire names") func scopingRequest() throws { try Self.check("scoping-request", Samples.scopingRequest) }
    @Test("the scoping return (Appendix 3) keeps its wire names") func scopingReturn() throws {
        try Self.check("scoping-return", Samples.scopingReturn)
    }
    @Test("the Rapid Review outcome (Appendix 5) keeps its wire names") func outcome() throws {
        try Self.check("rapid-review-outcome", Samples.outcome)
    }
    @Test("the OpenRapidReview hand-over keeps its wire names") func openRapidReview() throws {
        try Self.check("open-rapid-review", Samples.openRapidReview)
    }
    @Test("the case status keeps its wire names") func status() throws { try Self.check("case-status", Samples.status) }
    @Test("the timescales T1-T10 keep their wire form") func timescales() throws {
        struct Table: Codable, Equatable {
            var surrey2019: [Timescale]
            var wt2023: [Timescale]
        }
        try Self.check("timescales", Table(surrey2019: Timescales.all(.surrey2019), wt2023: Timescales.all(.workingTogether2023)))
    }
}
