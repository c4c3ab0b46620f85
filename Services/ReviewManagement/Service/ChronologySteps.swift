import Contract
import WorkingDays

extension Review {
    /// An agency's chronology (§8.4): asked of it, at least one entry, each with a date not
    /// after today, a valid time when given, an event and its source, and placed inside or
    /// outside the review period as the terms of reference set it (V6). Entries name people:
    /// the errors give their position, never their text.
    func submittingChronology(_ request: ReviewManagementAPI.SubmitChronologyRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.ChronologySubmission
    {
        let key = try nextSubmission(request.agency, .chronology, rule: .v6)
        if request.entries.isEmpty { throw .invalidField(path: "entries", rule: .v6, problem: "give at least one entry") }
        let period = currentVersion.flatMap { version in
            version.termsOfReference.scope.periodFrom.flatMap { from in version.termsOfReference.scope.periodTo.map { (from, $0) } }
        }
        for (index, entry) in request.entries.enumerated() {
            let path = "entries[\(index)]"
            if entry.date > clock.today { throw .invalidField(path: "\(path).date", rule: .v6, problem: "\(entry.date) is after today") }
            if let time = entry.time, ChronologyTime(time) == nil {
                throw .invalidField(path: "\(path).time", rule: .v6, problem: "give the time as HH:MM (24-hour)")
            }
            if entry.event.isBlank { throw .invalidField(path: "\(path).event", rule: .v6, problem: "say what happened") }
            if entry.source.isBlank { throw .invalidField(path: "\(path).source", rule: .v6, problem: "give the entry's source") }
            if let (from, to) = period {
                let inside = entry.date >= from && entry.date <= to
                if inside != (entry.period == .inside) {
                    throw .invalidField(
                        path: "\(path).period", rule: .v6,
                        problem: "\(entry.date) is \(inside ? "inside" : "outside") the review period (\(from) to \(to))")
                }
            }
        }
        return ReviewManagementAPI.ChronologySubmission(key: key, entries: request.entries, submittedOn: clock.today, submittedBy: principal)
    }

    /// The Combined Key Events Chronology (V6, §8.4.2): the latest chronology of every agency,
    /// merged by date, then time (an entry without a time first on its day), then agency, then
    /// the agency's own order, so equal times always come out the same way.
    var combinedChronology: (sources: [ReviewManagementAPI.SubmissionKey], entries: [ReviewManagementAPI.CombinedChronologyEntry]) {
        var latest: [String: ReviewManagementAPI.ChronologySubmission] = [:]
        for submission in chronologies { latest[submission.key.agency] = submission }
        let sources = latest.values.sorted { $0.key.agency < $1.key.agency }
        // Each entry's time parsed once, not in every comparison of the sort.
        let merged = sources.flatMap { submission in
            submission.entries.enumerated().map { offset, entry in
                (index: offset, agency: submission.key.agency, entry: entry, minutes: ChronologyTime(entry.time ?? "")?.minutes ?? -1)
            }
        }
        let ordered = merged.sorted { lhs, rhs in
            if (lhs.entry.date, lhs.minutes) != (rhs.entry.date, rhs.minutes) { return (lhs.entry.date, lhs.minutes) < (rhs.entry.date, rhs.minutes) }
            return (lhs.agency, lhs.index) < (rhs.agency, rhs.index)
        }
        return (sources.map(\.key), ordered.map { ReviewManagementAPI.CombinedChronologyEntry(agency: $0.agency, entry: $0.entry) })
    }
}

/// A time of day as a chronology gives it, `HH:MM` on the 24-hour clock.
struct ChronologyTime: Equatable {
    /// Minutes after midnight.
    let minutes: Int

    init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }), let hours = Int(parts[0]),
            let minutes = Int(parts[1]), (0..<24).contains(hours), (0..<60).contains(minutes)
        else { return nil }
        self.minutes = hours * 60 + minutes
    }
}
