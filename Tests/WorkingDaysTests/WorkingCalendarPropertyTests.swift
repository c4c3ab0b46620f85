import TestSupport
import Testing
import WorkingDays

// Properties of RULES.md Working days over random dates 2000-2040, with a fixed seed: the
// stepping addingWorkingDays and the arithmetic workingDays are written independently, so
// each checks the other.
@Suite("Working-day arithmetic, properties")
struct WorkingCalendarPropertyTests {
    let calendar = WorkingCalendar()
    static let seed: UInt64 = 0x4353_5052_2024  // "CSPR" 2024

    private func randomDates(_ count: Int, seed: UInt64) throws -> [CivilDate] {
        var generator = SplitMix64(seed: seed)
        let first = try day("2000-01-01").daysSinceEpoch
        let last = try day("2040-12-31").daysSinceEpoch
        return (0..<count).map { _ in CivilDate(daysSinceEpoch: Int.random(in: first...last, using: &generator)) }
    }

    @Test("RULES.md Working days: counting undoes adding, forwards and back, for 5,000 random dates and n in 0...60")
    func countingUndoesAdding() throws {
        var generator = SplitMix64(seed: Self.seed)
        for date in try randomDates(5_000, seed: Self.seed) {
            let n = Int.random(in: 0...60, using: &generator)
            let later = calendar.addingWorkingDays(n, to: date)
            #expect(calendar.workingDays(from: date, to: later) == n, "seed \(Self.seed): \(date) + \(n)")
            let earlier = calendar.addingWorkingDays(-n, to: date)
            #expect(calendar.workingDays(from: date, to: earlier) == -n, "seed \(Self.seed): \(date) - \(n)")
            if n >= 1 {
                #expect(
                    calendar.isWorkingDay(later) && calendar.isWorkingDay(earlier), "seed \(Self.seed): \(date) ± \(n)")
            }
        }
    }

    @Test("the N-th working day is a working day, strictly later for each N, with only days off in between")
    func strictlyIncreasing() throws {
        for date in try randomDates(300, seed: Self.seed &+ 1) {
            var previous = date
            for n in 1...60 {
                let next = calendar.addingWorkingDays(n, to: date)
                #expect(next > previous && calendar.isWorkingDay(next), "seed \(Self.seed &+ 1): \(date) + \(n)")
                var between = previous.adding(days: 1)
                while between < next {
                    #expect(!calendar.isWorkingDay(between), "\(between) skipped between \(previous) and \(next)")
                    between = between.adding(days: 1)
                }
                previous = next
            }
        }
    }

    @Test("the count of working days equals a day-by-day count, for 2,000 random pairs up to 400 days apart")
    func countingMatchesWalking() throws {
        var generator = SplitMix64(seed: Self.seed &+ 2)
        for start in try randomDates(2_000, seed: Self.seed &+ 3) {
            let end = start.adding(days: Int.random(in: -400...400, using: &generator))
            // Forwards the days in (start, end]; backwards minus those in [end, start), the
            // convention's mirror image.
            let days =
                end >= start
                ? (0..<end.daysSince(start)).map { start.adding(days: $0 + 1) }
                : (0..<start.daysSince(end)).map { end.adding(days: $0) }
            let walked = days.count { calendar.isWorkingDay($0) }
            #expect(
                calendar.workingDays(from: start, to: end) == (end >= start ? walked : -walked), "\(start) to \(end)")
        }
    }
}
