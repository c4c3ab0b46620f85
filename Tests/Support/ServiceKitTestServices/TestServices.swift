import Contract
import Foundation
import RPC
import ServiceKit
import Storage

extension ServiceIdentity {
    /// The ServiceKit test service that records events and hands each over.
    package static let testSender = ServiceIdentity(name: "test-sender", defaultPort: 7190, rpcService: "cspr.test.v1.Sender")
    /// The ServiceKit test service that applies each hand-over once.
    package static let testReceiver = ServiceIdentity(name: "test-receiver", defaultPort: 7191, rpcService: "cspr.test.v1.Receiver")
}

/// Two small services built on ServiceKit, for its tests and for the outbox's end-to-end test:
/// a sender that records events and hands each over through its outbox, and a receiver that
/// applies each hand-over once.
package enum TestServices {
    package struct Event: Codable, Sendable, Equatable {
        package var key: String
        package var text: String
        package init(key: String, text: String) {
            self.key = key
            self.text = text
        }
    }
    package struct Recorded: Codable, Sendable, Equatable {
        package var seq: Int64
    }
    package struct HandOver: Codable, Sendable, Equatable {
        package var key: String
        package var text: String
        package var seq: Int64
    }
    package struct Applied: Codable, Sendable, Equatable {
        package var position: Int64
        package var key: String
        package var seq: Int64
    }
    package struct AppliedList: Codable, Sendable, Equatable {
        package var applied: [Applied]
    }
    package struct Key: Codable, Sendable, Equatable {
        package var key: String
        package init(key: String) { self.key = key }
    }
    package struct Empty: Codable, Sendable, Equatable {
        package init() {}
    }

    private static let senderService = ServiceIdentity.testSender.rpcService
    private static let receiverService = ServiceIdentity.testReceiver.rpcService
    package static let record = Method<Event, Recorded>(service: senderService, name: "Record", roles: .roles(.partnershipSupport))
    package static let read = Method<Key, Event>(service: senderService, name: "Read", roles: .roles(.partnershipSupport, .caseReviewPanel))
    package static let apply = Method<HandOver, Applied>(service: receiverService, name: "Apply", callers: [.testSender])
    package static let list = Method<Empty, AppliedList>(service: receiverService, name: "List", roles: .roles(.auditor, .admin))
    /// The sender's hand-over to the receiver.
    package static let applyHandOver = Contract.HandOver(apply, to: .testReceiver)

    /// The sender: `Record` writes an event and its hand-over in one transaction.
    package static let sender = ServiceDefinition(
        identity: .testSender, peers: [.testReceiver],
        migrations: [Migration("events", sql: "CREATE TABLE events (seq INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, text TEXT NOT NULL) STRICT;")]
    ) { context in
        var routes = RouteTable()
        routes.register(record) { event, call in
            call.annotations.set(AuditTrail.caseReferenceKey, event.key)
            let seq = try await context.database.write { tx -> Int64 in
                try tx.execute("INSERT INTO events (key, text) VALUES (?, ?)", event.key, event.text)
                let seq = tx.lastInsertRowID
                try Outbox.enqueue(tx, applyHandOver, HandOver(key: event.key, text: event.text, seq: seq), key: "test-sender/\(event.key)")
                return seq
            }
            context.relay.poke()
            return Recorded(seq: seq)
        }
        routes.register(read) { key, call in
            call.annotations.set(AuditTrail.caseReferenceKey, key.key)
            let wanted = key.key
            guard let text: String = try await context.database.read({ try $0.value("SELECT text FROM events WHERE key = ?", wanted) }) else {
                throw RPCError(.notFound, "key: no event \(wanted)")
            }
            return Event(key: wanted, text: text)
        }
        return routes
    }

    /// The receiver's own settings, read at start like any service's.
    package struct ReceiverSettings: Sendable {
        /// `TEST_RECEIVER_REFUSE`: a key it refuses (FAILED_PRECONDITION), for dead-letter tests.
        var refuse: String?
        /// `TEST_RECEIVER_DELAY_MS`: slows each apply down, so that a test can kill a peer while
        /// deliveries are under way.
        var delay: Int = 0

        static func load(_ environment: [String: String]) throws(ConfigurationError) -> ReceiverSettings {
            var settings = ReceiverSettings(refuse: environment["TEST_RECEIVER_REFUSE"])
            if let text = environment["TEST_RECEIVER_DELAY_MS"] {
                guard let delay = Int(text), delay >= 0 else {
                    throw ConfigurationError(variable: "TEST_RECEIVER_DELAY_MS", problem: "\"\(text)\" is not a number of milliseconds")
                }
                settings.delay = delay
            }
            return settings
        }
    }

    /// The receiver: `Apply` applies each hand-over once (ServiceKit's `Idempotency.receive`,
    /// as every hand-over receiver does); `TEST_RECEIVER_REFUSE` names a key it refuses.
    package static let receiver = ServiceDefinition(
        identity: .testReceiver,
        migrations: [
            Migration(
                "applied",
                sql: "CREATE TABLE applied (position INTEGER PRIMARY KEY, key TEXT NOT NULL, text TEXT NOT NULL, seq INTEGER NOT NULL) STRICT;")
        ], settings: ReceiverSettings.load, state: { context, settings in (context, settings) }
    ) { context, settings in
        var routes = RouteTable()
        routes.handle(apply) { handOver, call in
            if handOver.key == settings.refuse { throw RPCError(.failedPrecondition, "TEST: \(handOver.key) is refused") }
            if settings.delay > 0 { try await Task.sleep(for: .milliseconds(settings.delay)) }
            return try await context.database.write { tx in
                try Idempotency.receive(tx, call: call, request: handOver) {
                    try tx.execute("INSERT INTO applied (key, text, seq) VALUES (?, ?, ?)", handOver.key, handOver.text, handOver.seq)
                    return Applied(position: tx.lastInsertRowID, key: handOver.key, seq: handOver.seq)
                }
            }
        }
        routes.register(list) { _, _ in
            let rows = try await context.database.read { try $0.query("SELECT position, key, seq FROM applied ORDER BY position") }
            return AppliedList(applied: try rows.map { Applied(position: try $0["position"], key: try $0["key"], seq: try $0["seq"]) })
        }
        return routes
    }
}
