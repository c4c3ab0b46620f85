import Foundation
import RPC
import Testing

/// JSONCodec writes and reads messages with its own Codable encoder and decoder and leaves to
/// Foundation only what they do not take. These tables pin that the two agree byte for byte
/// and value for value, and that the fast path really is the one taken.
@Suite("JSONCodec's own encoder and decoder against Foundation's")
struct JSONMessageCodingTests {
    static func foundationBytes<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(value)
    }

    static func foundationValue<T: Decodable>(_ type: T.Type, _ data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(type, from: data)
    }

    /// Encodes with both, expects the same bytes from our encoder alone, and reads them back
    /// with our decoder alone.
    static func agree<T: Codable & Equatable>(_ value: T, _ comment: Comment? = nil) throws {
        let expected = try foundationBytes(value)
        let own = try #require(JSONCodec.encodeWithoutFoundation(value), "our encoder left \(value) to Foundation")
        #expect(String(decoding: own, as: UTF8.self) == String(decoding: expected, as: UTF8.self), comment)
        // Foundation's own round trip is the reference (a double optional's .some(nil) comes back nil).
        let reference = try foundationValue(T.self, expected)
        #expect(JSONCodec.decodeWithoutFoundation(T.self, from: expected) == reference, comment)
    }

    struct Text: Codable, Equatable {
        var text: String
    }

    static let awkwardStrings: [String] = [
        "", "plain", "quote \" inside", "back\\slash", "a/b/c </script>", "line\nbreak\r\ttab", "\u{8}\u{c}",
        "\u{0}\u{1}\u{1f}\u{7f}", "U+2028 \u{2028} U+2029 \u{2029}", "non-BMP 😀 𝄞", "é combining e\u{301}", "中文 العربية",
        String(repeating: "x", count: 5000),
    ]

    @Test("awkward strings are escaped as JSONEncoder escapes them", arguments: awkwardStrings)
    func strings(_ text: String) throws {
        try Self.agree(Text(text: text))
        try Self.agree([text])
        try Self.agree(text)
    }

    struct Numbers: Codable, Equatable {
        var int: Int
        var int8: Int8
        var int32: Int32
        var int64: Int64
        var uint: UInt
        var uint64: UInt64
        var double: Double
    }

    @Test(
        "numbers at their extremes are written as JSONEncoder writes them",
        arguments: [
            Numbers(int: .min, int8: .min, int32: .min, int64: .min, uint: .max, uint64: .max, double: -Double.greatestFiniteMagnitude),
            Numbers(int: .max, int8: .max, int32: .max, int64: .max, uint: 0, uint64: 0, double: Double.leastNonzeroMagnitude),
            Numbers(int: 0, int8: -1, int32: 1, int64: -0, uint: 1, uint64: 1, double: 0),
            Numbers(int: 42, int8: 7, int32: -7, int64: 1 << 53, uint: 9, uint64: 1 << 63, double: 0.1),
            Numbers(int: -1, int8: 0, int32: 0, int64: 0, uint: 0, uint64: 0, double: 1e21),
            Numbers(int: -1, int8: 0, int32: 0, int64: 0, uint: 0, uint64: 0, double: 1.5e-7),
            Numbers(int: -1, int8: 0, int32: 0, int64: 0, uint: 0, uint64: 0, double: 123456.789),
            Numbers(int: -1, int8: 0, int32: 0, int64: 0, uint: 0, uint64: 0, double: -2.0),
        ])
    func numbers(_ numbers: Numbers) throws {
        try Self.agree(numbers)
    }

    struct Nested: Codable, Equatable {
        var name: String?
        var inner: Inner?
        var list: [Inner?]
        var doubleOptional: String??
        var flags: [Bool]
        var empty: [String]
        var emptyObject: [String: Int]
        var map: [String: [Int]]
        var when: Date?

        struct Inner: Codable, Equatable {
            var zeta: Int?
            var alpha: [String]?
        }
    }

    @Test(
        "nested optionals, empty containers, maps and dates are written and read as Foundation does",
        arguments: [
            Nested(name: nil, inner: nil, list: [], doubleOptional: nil, flags: [], empty: [], emptyObject: [:], map: [:], when: nil),
            Nested(
                name: "n", inner: Nested.Inner(zeta: 1, alpha: []), list: [nil, Nested.Inner(zeta: nil, alpha: ["a", "b"])],
                doubleOptional: .some(nil), flags: [true, false], empty: [], emptyObject: [:], map: ["b": [1, 2], "a": [], "B": [3]],
                when: Date(timeIntervalSince1970: 1_764_892_800)),
            Nested(
                name: "", inner: Nested.Inner(zeta: nil, alpha: nil), list: [nil], doubleOptional: .some("x"), flags: [false],
                empty: [], emptyObject: ["z": 0, "a_b": -1, "a": 2], map: ["": []], when: Date(timeIntervalSince1970: 0)),
        ])
    func nested(_ value: Nested) throws {
        try Self.agree(value)
    }

    @Test("a map of many keys is left to Foundation's decoder and reads the same")
    func largeMap() throws {
        let map = Dictionary(uniqueKeysWithValues: (0..<200).map { ("key\($0)", $0) })
        let data = try Self.foundationBytes(map)
        #expect(JSONCodec.decodeWithoutFoundation([String: Int].self, from: data) == nil)
        #expect(try JSONCodec.decode([String: Int].self, from: data) == map)
        let small = Dictionary(uniqueKeysWithValues: (0..<20).map { ("key\($0)", $0) })
        #expect(JSONCodec.decodeWithoutFoundation([String: Int].self, from: try Self.foundationBytes(small)) == small)
    }

    @Test("a double-optional that is .some(nil) reaches the wire as null, as in JSONEncoder")
    func someNil() throws {
        let value = Nested(name: nil, inner: nil, list: [], doubleOptional: .some(nil), flags: [], empty: [], emptyObject: [:], map: [:], when: nil)
        let own = try #require(JSONCodec.encodeWithoutFoundation(value))
        #expect(String(decoding: own, as: UTF8.self).contains("\"doubleOptional\":null"))
    }

    @Test(
        "inputs our decoder reads give Foundation's values: escapes, whitespace, unknown keys (duplicate keys: JSONStrictTests)",
        arguments: [
            #"{"text":"a\"b\\c\/d\b\f\n\r\t\u00e9\u2028\ud83d\ude00"}"#,
            " \n\t{ \"text\" : \"spaced\" , \"unknown\" : [1, {\"x\": null}] } \r\n",
            #"{"unknown":{"deep":[[[]]]},"text":"é 😀"}"#,
        ])
    func decodesLikeFoundation(_ json: String) throws {
        let data = Data(json.utf8)
        let expected = try Self.foundationValue(Text.self, data)
        #expect(JSONCodec.decodeWithoutFoundation(Text.self, from: data) == expected)
        #expect(try JSONCodec.decode(Text.self, from: data) == expected)
    }

    struct Counted: Codable, Equatable {
        var count: Int
        var ratio: Double?
    }

    @Test(
        "numbers our decoder leaves to Foundation still decode as Foundation decodes them",
        arguments: [#"{"count":1.0}"#, #"{"count":1e2}"#, #"{"count":-0}"#, #"{"count":3,"ratio":1e-400}"#, #"{"count":2,"ratio":0.1}"#])
    func numbersLikeFoundation(_ json: String) {
        let data = Data(json.utf8)
        let expected = try? Self.foundationValue(Counted.self, data)
        #expect((try? JSONCodec.decode(Counted.self, from: data)) == expected)
    }

    @Test(
        "input that is not JSON, or does not fit, gets Foundation's error from JSONCodec (trailing commas: JSONStrictTests)",
        arguments: [
            "", "{", "{\"text\":}", "{\"text\":\"\u{1}\"}", "{\"text\":01}", "{\"text\":\"\\x\"}",
            "{\"text\":\"\\ud800\"}", "{\"text\":1}", "{\"text\":null}", "{}", "{\"text\":\"a\"} x", "nul", "{\"text\":\"a\"}\u{0}",
        ])
    func errorsAreFoundations(_ json: String) {
        let data = Data(json.utf8)
        #expect(JSONCodec.decodeWithoutFoundation(Text.self, from: data) == nil)
        let foundation: String
        do {
            _ = try Self.foundationValue(Text.self, data)
            foundation = "decoded"
        } catch let error as DecodingError {
            foundation = JSONCodec.describe(error)
        } catch {
            foundation = "\(error)"
        }
        let ours: String
        do {
            _ = try JSONCodec.decode(Text.self, from: data)
            ours = "decoded"
        } catch let error as DecodingError {
            ours = JSONCodec.describe(error)
        } catch {
            ours = "\(error)"
        }
        // JSONCodec reads an empty body as {}; everything else is exactly Foundation's answer.
        if !json.isEmpty { #expect(ours == foundation) }
    }

    @Test("a value that needs Foundation (a non-finite number) still gets JSONEncoder's error")
    func nonFinite() {
        struct Ratio: Codable { var value: Double }
        #expect(JSONCodec.encodeWithoutFoundation(Ratio(value: .infinity)) == nil)
        #expect(throws: EncodingError.self) { try JSONCodec.encode(Ratio(value: .nan)) }
    }
}
