import Contract
import Foundation
import Storage
import Synchronization

/// Calls refused for want of a known token, counted per source and minute (issue 17, item 3):
/// anyone who can reach the port can make them, so each is not an audit row; the audit trail
/// gets one count per source and minute (`audit_refusals`), and /metrics the running total.
package final class RefusalTally: Sendable {
    private struct Key: Hashable {
        let minute: String
        let source: String
    }

    /// Sources kept apart within a minute; past this many, the rest count under `other`, so the
    /// tally's memory is bounded whatever the callers.
    package static let maxSources = 1000
    private let counts = Mutex<[Key: Int]>([:])
    private let refused = Atomic<Int>(0)
    private let now: @Sendable () -> Date

    /// A tally whose minutes are read from `now` (a test moves it).
    package init(now: @escaping @Sendable () -> Date = { Date() }) { self.now = now }

    /// Every refusal counted since start, for /metrics.
    package var total: Int { refused.load(ordering: .relaxed) }

    /// Counts one refusal from `source`.
    package func count(source: String) {
        refused.add(1, ordering: .relaxed)
        let minute = Self.minute(now())
        counts.withLock { counts in
            var key = Key(minute: minute, source: source)
            if counts[key] == nil, counts.keys.filter({ $0.minute == minute }).count >= Self.maxSources { key = Key(minute: minute, source: "other") }
            counts[key, default: 0] += 1
        }
    }

    /// True when a minute before this one has counts not yet written.
    package var hasClosedMinutes: Bool {
        let minute = Self.minute(now())
        return counts.withLock { $0.keys.contains { $0.minute < minute } }
    }

    /// Takes the counts of the minutes before this one (or, `all`, this one's too) for writing.
    package func take(all: Bool = false) -> [RefusalCount] {
        let minute = Self.minute(now())
        return counts.withLock { counts in
            let taken = counts.filter { all || $0.key.minute < minute }
            for key in taken.keys { counts[key] = nil }
            return taken.map { RefusalCount(minute: $0.key.minute, source: $0.key.source, count: $0.value) }
                .sorted { ($0.minute, $0.source) < ($1.minute, $1.source) }
        }
    }

    /// Writes the counts taken to the audit trail, adding to a minute already written (a read of
    /// the trail writes the current minute so far).
    package func flush(_ database: Database, all: Bool = false) async throws {
        let taken = take(all: all)
        guard !taken.isEmpty else { return }
        try await database.write { tx in try AuditTrail.recordRefusals(tx, taken) }
    }

    /// `2026-12-05T06:01` in UTC: text order is time order.
    static func minute(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let day = seconds.quotientAndRemainder(dividingBy: 86_400)
        let civil = CivilDay(daysSince1970: day.quotient - (day.remainder < 0 ? 1 : 0))
        let second = (day.remainder + 86_400) % 86_400
        return String(format: "%04d-%02d-%02dT%02d:%02d", civil.year, civil.month, civil.day, second / 3600, second % 3600 / 60)
    }
}

/// A proleptic Gregorian date from days since 1970-01-01 (H. Hinnant's algorithm), so the tally
/// needs no calendar or formatter.
private struct CivilDay {
    let year: Int
    let month: Int
    let day: Int

    init(daysSince1970: Int) {
        let z = daysSince1970 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }
}
