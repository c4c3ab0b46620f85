import Contract
import WorkingDays

/// The checks on intake's `OpenRapidReview` hand-over before it opens a Rapid Review.
enum OpeningHandOver {
    /// Refuses a hand-over this service cannot open: another partnership's case, a referral
    /// dated after today, or a meeting window that ends before it starts.
    static func check(_ request: RapidReviewAPI.OpenRapidReviewRequest, partnership: String, today: CivilDate) throws(RapidReviewError) {
        guard request.caseReference.partnership == partnership else {
            throw .invalidField(
                path: "caseReference", rule: nil,
                problem: "\(request.caseReference) belongs to partnership \(request.caseReference.partnership); this service serves \(partnership)")
        }
        guard request.referralReceived <= today else {
            throw .invalidField(path: "referralReceived", rule: nil, problem: "\(request.referralReceived) is after today (\(today))")
        }
        guard request.meetingEarliest <= request.meetingLatest else {
            throw .invalidField(
                path: "meetingLatest", rule: .t4, problem: "\(request.meetingLatest) is before meetingEarliest (\(request.meetingEarliest))")
        }
    }
}

extension OpeningHandOver {
    /// Where intake's T4 window or T6 date differ from this service's own computation (a
    /// calendar or rule set out of step between the two services). This service's dates are
    /// the ones used; the difference is worth a warning in the log.
    static func disagreements(_ request: RapidReviewAPI.OpenRapidReviewRequest, clock: CaseClock) -> [String] {
        let deadlines = CaseDeadlines(rapidReview: RapidReviewCase(handOver: request, openedOn: clock.today), clock: clock)
        var differences: [String] = []
        if let window = try? deadlines.t4Window(), window.earliest != request.meetingEarliest || window.latest != request.meetingLatest {
            differences.append(
                "T4 window \(window.earliest) to \(window.latest), intake sent \(request.meetingEarliest) to \(request.meetingLatest)")
        }
        if let due = try? deadlines.t6Due(), due != request.rapidReviewDue {
            differences.append("T6 due \(due), intake sent \(request.rapidReviewDue)")
        }
        return differences
    }
}
