import Contract
import Foundation
import RPC
import Testing
import WorkingDays

@Suite("Contract values refuse bad input, naming the field")
struct ValidationTests {
    private func error<T: Decodable>(_ type: T.Type, _ json: String) -> String? {
        do {
            _ = try JSONCodec.decodeRequest(type, from: Data(json.utf8))
            return nil
        } catch {
            return error.message
        }
    }

    private func referralJSON(replacing old: String, with new: String) throws -> String {
        let text = String(decoding: try JSONCodec.encode(Samples.referral), as: UTF8.self)
        #expect(text.contains(old), "sample JSON lacks \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    @Test("a bad date deep in a referral names its path")
    func badDate() throws {
        let json = try referralJSON(replacing: "\"date\":\"2025-03-20\",\"kind\"", with: "\"date\":\"20/03/2025\",\"kind\"")
        #expect(error(Referral.self, json) == "child.incident.date: expected a date \"YYYY-MM-DD\"")
    }

    @Test("a missing field of a referral names its path")
    func missingField() throws {
        let json = try referralJSON(replacing: "\"reasonForReferral\":\"fictional reason for tests\",", with: "")
        #expect(error(Referral.self, json) == "reasonForReferral: is required but missing")
    }

    @Test("an unknown partner kind is refused, naming the field and the accepted values")
    func partnerKind() throws {
        let json = try referralJSON(replacing: "\"kind\":\"localAuthority\"", with: "\"kind\":\"fire\"")
        #expect(error(Referral.self, json) == "agenciesInvolved[0].agency.kind: expected one of localAuthority, police, health (or icb, ccg), other")
    }

    @Test("the health partner is accepted as icb or ccg and written as health", arguments: ["icb", "ccg", "health"])
    func healthPartner(wire: String) throws {
        let agency = try JSONCodec.decode(Agency.self, from: Data("{\"name\":\"Testshire ICB\",\"kind\":\"\(wire)\"}".utf8))
        #expect(agency.kind == .health)
        #expect(String(decoding: try JSONCodec.encode(agency), as: UTF8.self).contains("\"kind\":\"health\""))
    }

    @Test(
        "case references must be <PARTNERSHIP>-<year>-<4 digits>",
        arguments: [
            "SURREY-2025-1", "surrey-2025-0001", "SURREY-25-0001", "SURREY-2025-00001", "-2025-0001", "SURREY-2025-0000", "S-2025-0001",
            "SURREY_2025_0001",
        ])
    func badReferences(text: String) {
        #expect(CaseReference(text) == nil)
        #expect(
            error(GetStatusesRequest.self, "{\"references\":[\"\(text)\"]}") == "references[0]: expected a case reference like \"SURREY-2025-0007\"")
    }

    @Test(
        "a bad GetStatuses cursor or page is refused naming the field",
        arguments: [
            (#"{"since":"yesterday"}"#, "since: expected a cursor given as `next` by an earlier GetStatuses"),
            (#"{"since":"3f2a9c0d1e4b5a67.-1"}"#, "since: expected a cursor given as `next` by an earlier GetStatuses"),
            (#"{"since":"3f2a9c0d1e4b5a6.12"}"#, "since: expected a cursor given as `next` by an earlier GetStatuses"),
            (#"{"since":42}"#, "since: expected a string"),
            (#"{"pageSize":0}"#, "pageSize: must be between 1 and 2000"),
            (#"{"pageSize":2001}"#, "pageSize: must be between 1 and 2000"),
        ])
    func badFeedRequests(json: String, message: String) {
        #expect(error(GetStatusesRequest.self, json) == message)
    }

    @Test("GetStatuses names at most 1000 references; the feed pages the rest")
    func tooManyReferences() {
        let many = (1...1001).map { "\"SURREY-2025-\(String(format: "%04d", $0))\"" }.joined(separator: ",")
        #expect(error(GetStatusesRequest.self, "{\"references\":[\(many)]}") == "references: at most 1000 references; page the feed for more")
        #expect(error(GetStatusesRequest.self, "{\"references\":[\(many.split(separator: ",").dropFirst().joined(separator: ","))]}") == nil)
    }

    @Test("a valid case reference round-trips with its zero padding")
    func goodReference() throws {
        let reference = try #require(CaseReference("SURREY-2025-0042"))
        #expect(reference.partnership == "SURREY")
        #expect(reference.year == 2025)
        #expect(reference.sequence == 42)
        #expect(reference.description == "SURREY-2025-0042")
        #expect(CaseReference(partnership: "SURREY", year: 2025, sequence: 7)?.description == "SURREY-2025-0007")
    }

    @Test("R5/R7: an unknown criterion or recommendation is refused with the accepted values")
    func enums() throws {
        let text = String(decoding: try JSONCodec.encode(Samples.outcome), as: UTF8.self)
        let badCriterion = text.replacingOccurrences(of: "\"recurrentThemes\"", with: "\"vibes\"")
        #expect(error(RapidReviewOutcome.self, badCriterion)?.hasPrefix("criteria[1]: expected one of improvementsNeeded, recurrentThemes") == true)
        let badRecommendation = text.replacingOccurrences(of: "\"localReview\"", with: "\"k\"")
        #expect(error(RapidReviewOutcome.self, badRecommendation)?.hasPrefix("decision.recommendation: expected one of nationalReview") == true)
    }

    @Test("R7: each recommendation has its letter, and d and j need a statement")
    func recommendationLetters() {
        #expect(Recommendation.allCases.map { String($0.letter) }.joined() == "abcdefghij")
        #expect(Recommendation.allCases.filter(\.needsStatement) == [.otherStatutoryReview, .other])
        #expect(Recommendation.allCases.filter { !$0.isBelowCSPRThreshold } == [.nationalReview, .localReview])
    }
}

@Suite("Every message round-trips through JSON")
struct RoundTripTests {
    private func roundTrip<T: Codable & Equatable>(_ value: T) throws {
        #expect(try JSONCodec.decode(T.self, from: try JSONCodec.encode(value)) == value)
    }

    @Test("forms, statuses and requests decode to what was encoded")
    func all() throws {
        try roundTrip(Samples.referral)
        try roundTrip(Samples.notification)
        try roundTrip(Samples.scopingRequest)
        try roundTrip(Samples.scopingReturn)
        try roundTrip(Samples.outcome)
        try roundTrip(Samples.status)
        try roundTrip(GetStatusesRequest(references: [Samples.reference]))
        try roundTrip(GetStatusesResponse(statuses: [Samples.status]))
        for timescale in Timescales.all() { try roundTrip(timescale) }
    }

    @Test("a case status carries no personal data: no name, address or date of birth anywhere in its JSON")
    func statusHasNoPersonalFields() throws {
        let json = try JSONSerialization.jsonObject(with: try JSONCodec.encode(Samples.status))
        var keys = Set<String>()
        func collect(_ value: Any) {
            if let object = value as? [String: Any] {
                for (key, inner) in object {
                    keys.insert(key)
                    collect(inner)
                }
            } else if let array = value as? [Any] {
                array.forEach(collect)
            }
        }
        collect(json)
        for forbidden in ["name", "alsoKnownAs", "address", "addressHistory", "postcode", "dateOfBirth", "person", "child", "familyMembers"] {
            #expect(!keys.contains(forbidden), "CaseStatus JSON has a \(forbidden) field")
        }
        // The next deadline is derived, not stored: the earliest one not met.
        #expect(keys.contains("nextDeadline"))
        #expect(Samples.status.nextDeadline?.rule == .t4)
    }
}
