import Contract
import RPC
import Testing
import WorkingDays

@testable import ReviewManagementService

/// V6, V7 and V8 and the agencies' requests, on the domain type.
@Suite("Agencies: requests, chronologies (V6), information reports (V7), submissions (V8), on the domain type")
struct AgencyRuleTests {
    static let clock = ReviewFixture.clock()
    static let police = AgencyFixture.agencies[0]
    static let council = AgencyFixture.agencies[1]
    static let health = AgencyFixture.agencies[2]

    @Test("a request is outstanding until each thing asked is submitted, again when sent back, and overdue only after its due date")
    func outstandingAndOverdue() throws {
        var review = try AgencyFixture.asked([Self.police])
        let request = try #require(review.agencyRequests.first)
        #expect(review.standing(of: request, today: Fixtures.date("2025-05-01")).overdue == false, "due today is not overdue")
        #expect(review.standing(of: request, today: Fixtures.date("2025-05-02")).overdue == true)
        review = try AgencyFixture.submitting(review, Self.police, [AgencyFixture.entry("2024-02-01", nil, "Fictional: visit")])
        #expect(review.standing(of: request, today: Fixtures.today).outstanding == [.informationReport])
        review = try AgencyFixture.deciding(review, .init(agency: Self.police, kind: .chronology, version: 1), .sentBack)
        #expect(review.standing(of: request, today: Fixtures.today).outstanding == [.chronology, .informationReport])
        review.informationReports.append(
            try review.submittingInformationReport(
                .init(caseReference: review.reference, agency: Self.police, report: AgencyFixture.report), by: ReviewFixture.team,
                clock: Self.clock))
        review = try AgencyFixture.submitting(review, Self.police, [AgencyFixture.entry("2024-02-01", "10:00", "Fictional: visit")])
        let view = review.agencyRequestsView(today: Fixtures.date("2025-06-01"))
        #expect(view.requests.first?.outstanding == [])
        #expect(view.overdue == [] && view.outstanding == [])
    }

    @Test(
        "a request names the agency, its contact, what is asked and a due date after today, once per agency",
        arguments: [
            (Change<ReviewManagementAPI.RequestAgencyInformationRequest>("no agency") { $0.agency = " " }, "agency: "),
            (Change("no contact") { $0.contact.name = "" }, "contact.name: "),
            (Change("nothing asked") { $0.asks = [] }, "asks: "),
            (Change("asked twice") { $0.asks = [.chronology, .chronology] }, "asks: "),
            (Change("due today") { $0.dueOn = Fixtures.today }, "dueOn: "),
            (Change("already asked") { $0.agency = " testshire police" }, "agency: Testshire Police was asked on 2025-04-07"),
        ])
    func requestRefused(change: Change<ReviewManagementAPI.RequestAgencyInformationRequest>, prefix: String) throws {
        let review = try AgencyFixture.asked([Self.police])
        let error = refusal { () throws(ReviewManagementError) in
            try review.requestingAgencyInformation(change.applied(to: AgencyFixture.request(Self.council)), by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(error?.rpcError.code == .invalidArgument)
        #expect(error.map(message)?.hasPrefix(prefix) == true, "\(error.map(message) ?? "accepted")")
    }

    @Test("V6: the combined chronology merges every agency's entries by date then time, each keeping its agency, equal times in a stable order")
    func v6Merge() throws {
        var review = try AgencyFixture.asked()
        review = try AgencyFixture.submitting(
            review, Self.police,
            [
                AgencyFixture.entry("2024-03-05", "14:00", "P3"), AgencyFixture.entry("2024-03-01", "09:30", "P1"),
                AgencyFixture.entry("2024-03-05", "09:00", "P2"),
            ])
        review = try AgencyFixture.submitting(
            review, Self.council,
            [
                AgencyFixture.entry("2024-03-05", "09:00", "C2"), AgencyFixture.entry("2024-03-05", nil, "C1"),
                AgencyFixture.entry("2024-03-05", "09:00", "C3"),
            ])
        review = try AgencyFixture.submitting(review, Self.health, [AgencyFixture.entry("2024-03-05", "14:00", "H1")])
        let combined = review.combinedChronology
        #expect(combined.entries.map(\.entry.event) == ["P1", "C1", "C2", "C3", "P2", "H1", "P3"])
        #expect(
            combined.entries.map(\.agency) == [Self.police, Self.council, Self.council, Self.council, Self.police, Self.health, Self.police])
        #expect(combined.sources.map(\.agency) == [Self.council, Self.health, Self.police])
        // The same entries submitted in another order of agencies merge the same way.
        var reversed = try AgencyFixture.asked()
        for submission in review.chronologies.reversed() {
            reversed = try AgencyFixture.submitting(reversed, submission.key.agency, submission.entries)
        }
        #expect(reversed.combinedChronology.entries == combined.entries)
    }

    @Test("V6: the combined chronology takes each agency's latest version, once the review team sent the earlier back")
    func v6LatestVersion() throws {
        var review = try AgencyFixture.submitting(
            try AgencyFixture.asked([Self.police]), Self.police, [AgencyFixture.entry("2024-03-01", nil, "old")])
        review = try AgencyFixture.deciding(review, .init(agency: Self.police, kind: .chronology, version: 1), .sentBack)
        review = try AgencyFixture.submitting(review, Self.police, [AgencyFixture.entry("2024-03-01", nil, "new")])
        #expect(review.combinedChronology.entries.map(\.entry.event) == ["new"])
        #expect(review.combinedChronology.sources == [.init(agency: Self.police, kind: .chronology, version: 2)])
    }

    @Test(
        "V6: an entry is refused naming its field: a bad time, no event, no source, after today, placed against the review period",
        arguments: [
            (Change<ReviewManagementAPI.ChronologyEntry>("time 25:00") { $0.time = "25:00" }, "entries[1].time: V6: "),
            (Change("time 9:5") { $0.time = "9:5" }, "entries[1].time: V6: "),
            (Change("no event") { $0.event = " " }, "entries[1].event: V6: "),
            (Change("no source") { $0.source = "" }, "entries[1].source: V6: "),
            (Change("after today") { $0.date = Fixtures.date("2025-04-08") }, "entries[1].date: V6: "),
            (Change("outside marked inside") { $0.date = Fixtures.date("2023-12-31") }, "entries[1].period: V6: 2023-12-31 is outside"),
            (Change("inside marked outside") { $0.period = .outside }, "entries[1].period: V6: 2024-03-01 is inside"),
        ])
    func v6EntryRefused(change: Change<ReviewManagementAPI.ChronologyEntry>, prefix: String) throws {
        let review = try AgencyFixture.asked([Self.police])
        let entries = [
            AgencyFixture.entry("2024-02-01", "08:00", "ok"),
            change.applied(to: AgencyFixture.entry("2024-03-01", "12:00", "Fictional: Kim Private")),
        ]
        let error = refusal { () throws(ReviewManagementError) in try AgencyFixture.submitting(review, Self.police, entries) }
        #expect(error?.rpcError.code == .invalidArgument)
        #expect(error.map(message)?.hasPrefix(prefix) == true, "\(error.map(message) ?? "accepted")")
        #expect(error.map(message)?.contains("Kim Private") != true, "the entry's text is not in the error")
    }

    @Test("V6: a chronology is refused from an agency not asked for one, and an entry outside the period is kept when marked outside")
    func v6NotAsked() throws {
        var review = try ReviewFixture.agreed()
        review.agencyRequests.append(
            try review.requestingAgencyInformation(
                AgencyFixture.request(Self.police, asks: [.informationReport]), by: ReviewFixture.team, clock: Self.clock))
        let error = refusal { () throws(ReviewManagementError) in
            try AgencyFixture.submitting(review, Self.police, [AgencyFixture.entry("2024-03-01", nil, "x")])
        }
        #expect(error?.rpcError.code == .failedPrecondition)
        #expect(error.map(message)?.hasPrefix("V6: no chronology was asked of Testshire Police") == true, "\(error.map(message) ?? "accepted")")
        let asked = try AgencyFixture.asked([Self.police])
        var outside = AgencyFixture.entry("2023-06-01", nil, "earlier")
        outside.period = .outside
        #expect(try AgencyFixture.submitting(asked, Self.police, [outside]).chronologies.count == 1)
    }

    @Test("V6: the CSV has a header row, CRLF line ends, and quotes exactly the fields holding a comma, a quote or a line break")
    func v6CSV() {
        let entries: [ReviewManagementAPI.CombinedChronologyEntry] = [
            .init(agency: "Testshire Police", entry: AgencyFixture.entry("2024-03-01", "09:30", "Fictional: a call, logged")),
            .init(
                agency: "Testshire Health",
                entry: .init(date: Fixtures.date("2024-03-02"), event: "Fictional: \"seen\"\nthen left", source: "GP", period: .outside)),
        ]
        #expect(
            ChronologyCSV.render(entries)
                == "date,time,agency,event,source,period\r\n"
                + "2024-03-01,09:30,Testshire Police,\"Fictional: a call, logged\",Fictional: case record,inside\r\n"
                + "2024-03-02,,Testshire Health,\"Fictional: \"\"seen\"\"\nthen left\",GP,outside\r\n")
        #expect(ChronologyCSV.field("plain") == "plain")
        #expect(ChronologyCSV.field("a\rb") == "\"a\rb\"")
    }

    @Test(
        "V7: an information report is refused unless endorsed by a senior officer other than its author, neither declaring operational involvement",
        arguments: [
            (Change<ReviewManagementAPI.InformationReport>("not endorsed") { $0.endorser = nil }, "V7: the information report is not endorsed"),
            (Change("endorser unnamed") { $0.endorser?.name = " " }, "V7: the information report is not endorsed"),
            (Change("no endorsement date") { $0.endorsedOn = nil }, "V7: the information report lacks the date"),
            (Change("endorser is the author") { $0.endorser?.name = " alex  AUTHOR" }, "V7: the endorser is the report's author"),
            (Change("author involved") { $0.author.involvement = .involved }, "V7: the author declared operational involvement"),
            (Change("endorser involved") { $0.endorser?.involvement = .involved }, "V7: the endorser declared operational involvement"),
            (
                Change("author undeclared") { $0.author.involvement = nil },
                "V7: the author's declaration of no operational involvement in the case is missing"
            ),
            (
                Change("endorser undeclared") { $0.endorser?.involvement = nil },
                "V7: the endorser's declaration of no operational involvement in the case is missing"
            ),
        ])
    func v7Refused(change: Change<ReviewManagementAPI.InformationReport>, prefix: String) throws {
        let review = try AgencyFixture.asked([Self.police])
        let report = change.applied(to: AgencyFixture.report)
        let error = refusal { () throws(ReviewManagementError) in
            try review.submittingInformationReport(
                .init(caseReference: review.reference, agency: Self.police, report: report), by: "x", clock: Self.clock)
        }
        #expect(error?.rpcError.code == .failedPrecondition)
        #expect(error.map(message)?.hasPrefix(prefix) == true, "\(error.map(message) ?? "accepted")")
        for name in ["Alex", "Author", "Sam", "Senior"] { #expect(error.map(message)?.contains(name) != true, "\(name) in the error") }
        #expect(
            try review.submittingInformationReport(
                .init(caseReference: review.reference, agency: Self.police, report: AgencyFixture.report), by: "x", clock: Self.clock
            ).key == .init(agency: Self.police, kind: .informationReport, version: 1))
    }

    @Test("V7: an endorsement dated before completion or after today is refused naming report.endorsedOn")
    func v7EndorsementDate() throws {
        let review = try AgencyFixture.asked([Self.police])
        for date in ["2025-03-31", "2025-04-08"] {
            var report = AgencyFixture.report
            report.endorsedOn = Fixtures.date(date)
            let error = refusal { () throws(ReviewManagementError) in
                try review.submittingInformationReport(
                    .init(caseReference: review.reference, agency: Self.police, report: report), by: "x", clock: Self.clock)
            }
            #expect(error.map(message)?.hasPrefix("report.endorsedOn: V7: \(date) is not between") == true, "\(error.map(message) ?? "accepted")")
        }
    }

    @Test("V8: sent back needs the question; a submission is decided once; a new version only after it was sent back")
    func v8() throws {
        let key = ReviewManagementAPI.SubmissionKey(agency: Self.police, kind: .chronology, version: 1)
        var review = try AgencyFixture.submitting(try AgencyFixture.asked([Self.police]), Self.police, [AgencyFixture.entry("2024-03-01", nil, "x")])
        let awaiting = refusal { () throws(ReviewManagementError) in
            try AgencyFixture.submitting(review, Self.police, [AgencyFixture.entry("2024-03-01", nil, "y")])
        }
        #expect(awaiting.map(message)?.hasPrefix("V8: Testshire Police's chronology version 1 awaits the review team's decision") == true)
        let noQuestion = refusal { () throws(ReviewManagementError) in
            try review.reviewingSubmission(
                .init(caseReference: review.reference, submission: key, outcome: .sentBack, question: " "), by: "x", clock: Self.clock)
        }
        #expect(noQuestion.map(message)?.hasPrefix("question: V8: ") == true)
        let unknown = refusal { () throws(ReviewManagementError) in
            try review.reviewingSubmission(
                .init(caseReference: review.reference, submission: .init(agency: Self.police, kind: .chronology, version: 2), outcome: .accepted),
                by: "x", clock: Self.clock)
        }
        #expect(unknown.map(message)?.hasPrefix("submission: V8: no chronology version 2") == true)
        review = try AgencyFixture.deciding(review, key, .sentBack)
        #expect(review.submissionDecisions.first?.question == "Fictional: what happened after the strategy meeting?")
        let twice = refusal { () throws(ReviewManagementError) in try AgencyFixture.deciding(review, key, .accepted) }
        #expect(twice.map(message)?.hasPrefix("V8: the review team sent back version 1") == true)
        review = try AgencyFixture.submitting(review, Self.police, [AgencyFixture.entry("2024-03-01", nil, "y")])
        #expect(review.chronologies.map(\.key.version) == [1, 2])
        review = try AgencyFixture.deciding(review, .init(agency: Self.police, kind: .chronology, version: 2), .accepted)
        let afterAccepted = refusal { () throws(ReviewManagementError) in
            try AgencyFixture.submitting(review, Self.police, [AgencyFixture.entry("2024-03-01", nil, "z")])
        }
        #expect(afterAccepted.map(message)?.hasPrefix("V8: the review team accepted Testshire Police's chronology version 2") == true)
    }
}
