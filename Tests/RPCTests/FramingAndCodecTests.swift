import Foundation
import RPC
import TestSupport
import Testing

@Suite("gRPC framing")
struct GRPCFramingTests {
    @Test("a framed message unframes to itself")
    func roundTrip() throws {
        let message = Data("{\"text\":\"a\"}".utf8)
        let framed = GRPCFraming.frame(message)
        #expect(Array(framed.prefix(5)) == [0, 0, 0, 0, UInt8(message.count)])
        #expect(try GRPCFraming.unframe(framed) == message)
    }

    @Test(
        "malformed frames are refused with the right code",
        arguments: [
            ([0, 0, 1] as [UInt8], RPCCode.invalidArgument),
            ([0, 0, 0, 0, 9, 1, 2], .invalidArgument),
            ([1, 0, 0, 0, 1, 0], .unimplemented),
            ([0, 0, 0, 0, 1, 7, 7], .invalidArgument),
            ([4, 0, 0, 0, 0], .invalidArgument),
        ])
    func malformed(bytes: [UInt8], code: RPCCode) {
        #expect(throws: RPCError.self) { try GRPCFraming.unframe(Data(bytes)) }
        do {
            _ = try GRPCFraming.unframe(Data(bytes))
        } catch {
            #expect(error.code == code)
        }
    }

    @Test(
        "grpc-timeout values parse in every unit and nonsense is refused",
        arguments: [
            ("1H", Duration.seconds(3600)), ("2M", .seconds(120)), ("3S", .seconds(3)), ("250m", .milliseconds(250)),
            ("7u", .microseconds(7)), ("9n", .nanoseconds(9)),
        ])
    func timeouts(text: String, expected: Duration) {
        #expect(GRPCFraming.parseTimeout(text) == expected)
    }

    @Test("invalid grpc-timeout values are refused", arguments: ["", "S", "10", "123456789S", "1x", "-1S", "1.5S"])
    func invalidTimeouts(text: String) {
        #expect(GRPCFraming.parseTimeout(text) == nil)
    }

    @Test("timeouts are written in milliseconds, at least 1")
    func formatTimeout() {
        #expect(GRPCFraming.formatTimeout(.milliseconds(1500)) == "1500m")
        #expect(GRPCFraming.formatTimeout(.microseconds(10)) == "1m")
    }

    @Test("grpc-message percent-encoding round-trips non-ASCII text and percent signs")
    func percentEncoding() {
        let message = "R1: not quorate — 100% of police absent\n"
        let encoded = GRPCFraming.percentEncode(message)
        #expect(encoded.allSatisfy { $0.isASCII && $0 != "\n" })
        #expect(encoded.contains("%25"))
        #expect(GRPCFraming.percentDecode(encoded) == message)
    }
}

@Suite("JSON codec errors name the field")
struct JSONCodecTests {
    private func message(_ json: String) -> String {
        do {
            _ = try JSONCodec.decodeRequest(EchoService.EchoMessage.self, from: Data(json.utf8))
            return "decoded"
        } catch {
            #expect(error.code == .invalidArgument)
            return error.message
        }
    }

    @Test(
        "decoding failures become INVALID_ARGUMENT with the field path",
        arguments: [
            ("{}", "text: is required but missing"),
            ("{\"text\": 5}", "text: expected a string"),
            ("{\"text\": null}", "text: must not be null"),
            ("{\"text\": \"a\", \"count\": \"many\"}", "count: expected an integer"),
            ("{\"text\": \"a\", \"nested\": {\"when\": \"2020-13\"}}", "nested.when: expected a date \"YYYY-MM-DD\""),
            ("{\"text\": \"a\", \"nested\": {}}", "nested.when: is required but missing"),
            ("{\"text\": ", "request body is not valid JSON"),
        ])
    func fieldPaths(json: String, expected: String) {
        #expect(message(json) == expected)
    }

    @Test("array elements are named by index")
    func arrayIndex() {
        struct List: Codable {
            var items: [EchoService.Nested]
        }
        do {
            _ = try JSONCodec.decodeRequest(List.self, from: Data("{\"items\":[{\"when\":\"2024-01-01\"},{\"when\":\"x\"}]}".utf8))
            Issue.record("decoded a bad date")
        } catch {
            #expect(error.message == "items[1].when: expected a date \"YYYY-MM-DD\"")
        }
    }

    @Test("unknown fields are ignored and an empty body is the empty message")
    func lenient() throws {
        let decoded = try JSONCodec.decodeRequest(EchoService.EchoMessage.self, from: Data("{\"text\":\"a\",\"extra\":1}".utf8))
        #expect(decoded.text == "a")
        struct Empty: Codable {}
        _ = try JSONCodec.decodeRequest(Empty.self, from: Data())
    }
}

@Suite("Status codes")
struct RPCCodeTests {
    @Test("Connect names and HTTP statuses follow the Connect protocol")
    func connectMapping() {
        #expect(RPCCode.failedPrecondition.connectName == "failed_precondition")
        #expect(RPCCode.invalidArgument.connectHTTPStatus == 400)
        #expect(RPCCode.unauthenticated.connectHTTPStatus == 401)
        #expect(RPCCode.permissionDenied.connectHTTPStatus == 403)
        #expect(RPCCode.notFound.connectHTTPStatus == 404)
        #expect(RPCCode.alreadyExists.connectHTTPStatus == 409)
        #expect(RPCCode.resourceExhausted.connectHTTPStatus == 429)
        #expect(RPCCode.unimplemented.connectHTTPStatus == 501)
        #expect(RPCCode.unavailable.connectHTTPStatus == 503)
        #expect(RPCCode.deadlineExceeded.connectHTTPStatus == 504)
        for code in RPCCode.allCases { #expect(RPCCode(connectName: code.connectName) == code) }
    }
}
