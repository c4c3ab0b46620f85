import Foundation
import RPC

/// A small service for transport and RPC tests, interoperability tests and the benchmark.
package enum EchoService {
    /// The fully qualified service name.
    package static let name = "cspr.test.v1.Echo"

    /// A message with text, a number and a nested date, to exercise field paths.
    package struct EchoMessage: Codable, Sendable, Equatable {
        package var text: String
        package var count: Int?
        package var sleepMillis: Int?
        package var nested: Nested?

        package init(text: String, count: Int? = nil, sleepMillis: Int? = nil, nested: Nested? = nil) {
            self.text = text
            self.count = count
            self.sleepMillis = sleepMillis
            self.nested = nested
        }
    }

    /// Nested fields, so errors show a path like `nested.when`.
    package struct Nested: Codable, Sendable, Equatable {
        package var when: TestDate

        package init(when: TestDate) { self.when = when }
    }

    /// A civil date `YYYY-MM-DD`, refused otherwise, as the contract's dates will be.
    package struct TestDate: Codable, Sendable, Equatable {
        package var text: String

        package init(_ text: String) { self.text = text }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let value = try container.decode(String.self)
            let parts = value.split(separator: "-")
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                parts.allSatisfy({ $0.allSatisfy(\.isNumber) })
            else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a date \"YYYY-MM-DD\"")
            }
            text = value
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(text)
        }
    }

    /// What `Fail` should answer.
    package struct FailRequest: Codable, Sendable {
        package var code: Int
        package var message: String

        package init(code: Int, message: String) {
            self.code = code
            self.message = message
        }
    }

    /// Returns the message as it came (after `sleepMillis`, if given).
    package static let echo = Method<EchoMessage, EchoMessage>(service: name, name: "Echo", roles: [])
    /// Fails with the code and message asked for.
    package static let fail = Method<FailRequest, EchoMessage>(service: name, name: "Fail", roles: [])

    /// What the server knew of a call.
    package struct CallInfo: Codable, Sendable, Equatable {
        package var principal: String?
        package var requestID: String
        package var wireProtocol: String
        package var deadlineSet: Bool
    }

    /// Answers with what the handler saw in its context.
    package static let whoAmI = Method<EchoMessage, CallInfo>(service: name, name: "WhoAmI", roles: ["panel-viewer"])

    /// The routes of the service. `holding` is told the text of each call that is about to
    /// sleep, so a test in another process can wait until the server holds its call.
    package static func routes(holding: (@Sendable (String) -> Void)? = nil) -> RouteTable {
        var table = RouteTable()
        table.register(echo) { request, _ in
            if let millis = request.sleepMillis, millis > 0 {
                holding?(request.text)
                try await Task.sleep(for: .milliseconds(millis))
            }
            return request
        }
        table.register(fail) { request, _ in
            throw RPCError(RPCCode(rawValue: request.code) ?? .unknown, request.message)
        }
        table.register(whoAmI) { _, context in
            CallInfo(
                principal: context.principal?.name, requestID: context.requestID, wireProtocol: context.wireProtocol.rawValue,
                deadlineSet: context.deadline != nil)
        }
        return table
    }
}
