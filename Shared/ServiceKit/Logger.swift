import Foundation
import Synchronization

/// A value in a structured log line.
package enum LogValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)

    package init(stringLiteral value: String) { self = .string(value) }
    package init(integerLiteral value: Int) { self = .int(value) }
}

/// Structured logs: one JSON object per line (time, level, service, message, fields). The
/// callers log identifiers, codes and durations — never personal data: no request or response
/// bodies are ever logged, and messages are written by our code, not taken from input.
package final class Logger: Sendable {
    /// Severity.
    package enum Level: String, Sendable, Comparable {
        case debug, info, warning, error

        private var rank: Int { [Level.debug: 0, .info: 1, .warning: 2, .error: 3][self] ?? 1 }
        package static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
    }

    private let service: String
    private let minimum: Level
    private let sink: @Sendable (String) -> Void
    private let lock = Mutex(())

    /// A logger for `service` writing lines to `sink` (stdout by default).
    package init(service: String, minimum: Level = .info, sink: (@Sendable (String) -> Void)? = nil) {
        self.service = service
        self.minimum = minimum
        self.sink = sink ?? { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
    }

    /// Writes one line.
    package func log(_ level: Level, _ message: String, _ fields: [String: LogValue] = [:]) {
        guard level >= minimum else { return }
        var object: [String: Any] = ["time": Self.timestamp(), "level": level.rawValue, "service": service, "message": message]
        for (key, value) in fields {
            switch value {
            case .string(let text): object[key] = text
            case .int(let number): object[key] = number
            case .double(let number): object[key] = (number * 1000).rounded() / 1000
            case .bool(let flag): object[key] = flag
            }
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        let line = String(decoding: data, as: UTF8.self)
        lock.withLock { _ in sink(line) }
    }

    package func info(_ message: String, _ fields: [String: LogValue] = [:]) { log(.info, message, fields) }
    package func warning(_ message: String, _ fields: [String: LogValue] = [:]) { log(.warning, message, fields) }
    package func error(_ message: String, _ fields: [String: LogValue] = [:]) { log(.error, message, fields) }

    private static func timestamp() -> String {
        Date().formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true).timeSeparator(.colon)) + "Z"
    }
}
