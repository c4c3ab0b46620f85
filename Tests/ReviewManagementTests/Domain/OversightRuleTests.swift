import Contract
import Testing
import WorkingDays

@testable import ReviewManagementService

/// T7 extended by a recorded decision to delay, and T8 made due by a forecast past T7, on the
/// domain type.
@Suite("T7 extended and T8: delays, forecasts and the notice, on the domain type")
struct OversightRuleTests {
    static let clock = ReviewFixture.clock()

    /// A police request to delay, decided by the panel, moving T7 to `newDue`.
    static func delay(_ review: Review, to newDue: String = "2025-12-03") -> ReviewManagementAPI.RecordDelayDecisionRequest {
        ReviewManagementAPI.RecordDelayDecisionRequest(
            caseReference: review.reference, requestedBy: "Testshire Police (SIO)", decidedBy: "Case Review Panel", decidedOn: Fixtures.today,
            reason: "Fictional: the police asked to delay contact with the family until charging", newDue: Fixtures.date(newDue))
    }

    /// A local CSPR decided 2025-04-03 (T7 due 2025-10-03) whose T7 was extended to `newDue`.
    static func extended(to newDue: String = "2025-12-03") throws(ReviewManagementError) -> Review {
        var review = ReviewFixture.commissioned()
        review.delayDecisions.append(try review.decidingDelay(delay(review, to: newDue), by: ReviewFixture.panel, clock: clock))
        return review
    }

    @Test(
        "T7 extended: the due date is the decision's new date, the original kept; met is judged against the new date, met late stays visible against the original",
        arguments: [
            ("2025-09-30", DeadlineStatus.met),
            ("2025-11-20", .met),
            ("2025-12-03", .met),
            ("2025-12-04", .metLate),
        ])
    func t7Extended(completed: String, status: DeadlineStatus) throws {
        let review = try Self.extended()
        let t7 = try #require(review.t7(Self.clock, completedOn: Fixtures.date(completed)))
        #expect(t7.due == Fixtures.date("2025-12-03"))
        #expect(t7.originalDue == Fixtures.date("2025-10-03"))
        #expect(t7.status == status)
        #expect(
            t7.metOn.map { $0 > t7.originalDue ?? $0 } == (Fixtures.date(completed) > Fixtures.date("2025-10-03")), "late against the original shows")
        #expect(review.delayDecisions.map(\.previousDue) == [Fixtures.date("2025-10-03")])
        #expect(review.status(Self.clock).deadlines.first?.due == Fixtures.date("2025-12-03"))
    }

    @Test("T7 extended twice: the latest decision sets the due date, the original stays the six months")
    func t7ExtendedTwice() throws {
        var review = try Self.extended()
        review.delayDecisions.append(try review.decidingDelay(Self.delay(review, to: "2026-01-15"), by: ReviewFixture.panel, clock: Self.clock))
        let t7 = try #require(review.t7(Self.clock))
        #expect((t7.due, t7.originalDue) == (Fixtures.date("2026-01-15"), Fixtures.date("2025-10-03")))
        #expect(review.delayDecisions.map(\.previousDue) == [Fixtures.date("2025-10-03"), Fixtures.date("2025-12-03")])
    }

    @Test(
        "T7: a decision to delay without who, when, why or the new date is refused naming the field; a new date not after the current due date is refused",
        arguments: [
            ("requestedBy", Change<ReviewManagementAPI.RecordDelayDecisionRequest>("no requestedBy") { $0.requestedBy = nil }),
            ("decidedBy", Change("blank decidedBy") { $0.decidedBy = "  " }),
            ("decidedOn", Change("no decidedOn") { $0.decidedOn = nil }),
            ("decidedOn", Change("decidedOn after today") { $0.decidedOn = Fixtures.date("2025-04-08") }),
            ("reason", Change("no reason") { $0.reason = nil }),
            ("newDue", Change("no newDue") { $0.newDue = nil }),
            ("newDue", Change("newDue before the current due date") { $0.newDue = Fixtures.date("2025-09-01") }),
            ("newDue", Change("newDue the current due date") { $0.newDue = Fixtures.date("2025-10-03") }),
        ])
    func t7DelayRefused(field: String, change: Change<ReviewManagementAPI.RecordDelayDecisionRequest>) throws {
        let review = ReviewFixture.commissioned()
        let request = change.applied(to: Self.delay(review))
        let error = try #require(
            refusal { () throws(ReviewManagementError) in try review.decidingDelay(request, by: ReviewFixture.panel, clock: Self.clock) })
        #expect(message(error).hasPrefix("\(field): T7: "), "\(message(error))")
        #expect(error.rpcError.code == .invalidArgument)
    }

    @Test("T7: a national review awaiting the National Panel has no T7 to extend")
    func t7NoLocalReview() {
        let review = ReviewFixture.commissioned(kind: .nationalReview)
        let error = refusal { () throws(ReviewManagementError) in
            try review.decidingDelay(Self.delay(review), by: ReviewFixture.panel, clock: Self.clock)
        }
        #expect(error.map(message)?.hasPrefix("T7: no local review is commissioned") == true)
    }

    /// `review` with a forecast of `date` recorded on `recordedOn`.
    static func forecast(_ review: Review, _ date: String, on recordedOn: String = Fixtures.todayText) throws(ReviewManagementError) -> Review {
        var review = review
        review.forecasts.append(
            try review.forecasting(
                .init(caseReference: review.reference, forecastCompletion: Fixtures.date(date)), by: ReviewFixture.team,
                clock: ReviewFixture.clock(Fixtures.date(recordedOn))))
        return review
    }

    @Test(
        "T8: a forecast on or before T7's (extended) due date makes nothing due; one past it makes T8 due the day it was recorded",
        arguments: [
            (false, "2025-10-03", false),
            (false, "2025-10-04", true),
            (true, "2025-11-20", false),
            (true, "2025-12-04", true),
        ])
    func t8Appears(extended: Bool, forecast: String, due: Bool) throws {
        let review = try Self.forecast(extended ? try Self.extended() : ReviewFixture.commissioned(), forecast)
        let t8 = review.t8(Self.clock)
        #expect((t8 != nil) == due)
        if let t8 {
            #expect(t8.due == Fixtures.today)
            #expect(t8.subject == "National Panel and Secretary of State informed")
            #expect(t8.metOn == nil)
            #expect(review.t8(ReviewFixture.clock(Fixtures.date("2025-04-08")))?.status == .overdue)
        }
        #expect(review.status(Self.clock).deadlines.map(\.rule) == (due ? [.t7, .t8] : [.t7]))
    }

    @Test("T8: met by the notice to the National Panel and the Secretary of State with the reason, on the later of its dates")
    func t8Met() throws {
        var review = try Self.forecast(ReviewFixture.commissioned(), "2025-11-30", on: "2025-04-04")
        let clock = Self.clock
        #expect(review.t8(clock)?.status == .overdue)
        let request = ReviewManagementAPI.RecordDelayNoticeRequest(
            caseReference: review.reference, nationalPanelInformedOn: Fixtures.date("2025-04-04"),
            secretaryOfStateInformedOn: Fixtures.date("2025-04-07"), reason: "Fictional: the criminal trial is listed for October")
        review.delayNotices.append(try review.noticingDelay(request, by: ReviewFixture.team, clock: clock))
        let t8 = try #require(review.t8(clock))
        #expect(t8.metOn == Fixtures.date("2025-04-07"))
        #expect(t8.status == .metLate)
        #expect(t8.due == Fixtures.date("2025-04-04"))
    }

    @Test(
        "T8: the notice is refused before a forecast passes T7, and without the reason or either date",
        arguments: [
            ("reason", "reason: T8: "), ("nationalPanelInformedOn", "nationalPanelInformedOn: T8: "),
            ("secretaryOfStateInformedOn", "secretaryOfStateInformedOn: T8: "),
            ("no forecast past T7", "T8: no completion forecast passes T7's due date (2025-10-03)"),
        ])
    func t8NoticeRefused(missing: String, prefix: String) throws {
        let base = ReviewFixture.commissioned()
        let review = missing == "no forecast past T7" ? try Self.forecast(base, "2025-10-01") : try Self.forecast(base, "2025-11-30")
        let request = ReviewManagementAPI.RecordDelayNoticeRequest(
            caseReference: review.reference, nationalPanelInformedOn: missing == "nationalPanelInformedOn" ? nil : Fixtures.today,
            secretaryOfStateInformedOn: missing == "secretaryOfStateInformedOn" ? nil : Fixtures.today,
            reason: missing == "reason" ? " " : "Fictional")
        let error = refusal { () throws(ReviewManagementError) in try review.noticingDelay(request, by: ReviewFixture.team, clock: Self.clock) }
        #expect(error.map(message)?.hasPrefix(prefix) == true, "\(error.map(message) ?? "not refused")")
    }
}
