import Foundation
import RPC
import Testing

/// Issue 17 item 14: JSON is as strict as RFC 8259, where Foundation's decoder is lenient.
@Suite("JSON is strict as RFC 8259: UTF-8, no trailing commas, no duplicate keys")
struct JSONStrictTests {
    struct Text: Codable, Equatable {
        var text: String
    }

    /// A body that must be refused, and what the INVALID_ARGUMENT message must say.
    struct Refused: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var bytes: [UInt8]
        var message: String
    }

    static func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

    static let refused = [
        Refused(
            testDescription: "a duplicate key is refused naming it", bytes: utf8(#"{"text":"first","text":"second"}"#),
            message: #"(message): the key "text" appears more than once"#),
        Refused(
            testDescription: "a duplicate key spelled with an escape is refused naming it", bytes: utf8(#"{"text":"a","t\u0065xt":"b"}"#),
            message: #"(message): the key "text" appears more than once"#),
        Refused(
            testDescription: "a duplicate key in a nested object is refused naming its path",
            bytes: utf8(#"{"text":"a","extra":[{"a":1},{"b":1,"b":2}]}"#), message: #"extra[1]: the key "b" appears more than once"#),
        Refused(
            testDescription: "a trailing comma in an object", bytes: utf8(#"{"text":"a",}"#),
            message: "request body is not valid JSON: a trailing comma"),
        Refused(
            testDescription: "a trailing comma in an array", bytes: utf8(#"{"text":"a","extra":[1,2,]}"#),
            message: "request body is not valid JSON: a trailing comma in extra"),
        Refused(testDescription: "a top-level array with a trailing comma", bytes: utf8("[1,]"), message: "a trailing comma"),
        Refused(
            testDescription: "a byte that is never UTF-8 (0xFF)", bytes: utf8(#"{"text":""#) + [0xff] + utf8(#""}"#),
            message: "request body is not valid JSON: invalid UTF-8 at byte 9"),
        Refused(
            testDescription: "an overlong encoding of '/'", bytes: utf8(#"{"text":""#) + [0xc0, 0xaf] + utf8(#""}"#),
            message: "invalid UTF-8 at byte 9"),
        Refused(
            testDescription: "a surrogate encoded in UTF-8", bytes: utf8(#"{"text":""#) + [0xed, 0xa0, 0x80] + utf8(#""}"#),
            message: "invalid UTF-8 at byte 9"),
        Refused(
            testDescription: "a sequence cut short", bytes: utf8(#"{"text":"a"#) + [0xe2, 0x82] + utf8(#""}"#),
            message: "invalid UTF-8 at byte 10"),
        Refused(
            testDescription: "invalid UTF-8 in a value the message does not even read",
            bytes: utf8(#"{"text":"a","unknown":""#) + [0xfe] + utf8(#""}"#), message: "invalid UTF-8"),
    ]

    @Test("a body RFC 8259 does not allow is INVALID_ARGUMENT, from our decoder and Foundation's alike", arguments: refused)
    func refusedBodies(_ bad: Refused) {
        let data = Data(bad.bytes)
        #expect(JSONCodec.decodeWithoutFoundation(Text.self, from: data) == nil, "our own decoder must not read it")
        do {
            let value = try JSONCodec.decodeRequest(Text.self, from: data)
            Issue.record("decoded \(value)")
        } catch {
            #expect(error.code == .invalidArgument)
            #expect(error.message.contains(bad.message), "got \(error.message)")
        }
    }

    @Test(
        "keys that only look alike are different keys, and well-formed UTF-8 of every length reads",
        arguments: [
            #"{"text":"é 😀 ẞ","Text":"other case"}"#, #"{"text":"x","\ud83d\ude00":1,"\ud83d\ude01":2}"#,
            #"{"text":"x","a":{"k":1},"b":{"k":1}}"#, #"{"text":"x","list":[{"k":1},{"k":2}]}"#,
        ])
    func accepted(_ json: String) throws {
        #expect(try JSONCodec.decodeRequest(Text.self, from: Data(json.utf8)).text.isEmpty == false)
    }
}
