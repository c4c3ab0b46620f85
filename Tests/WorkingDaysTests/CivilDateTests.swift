import Foundation
import Testing
import WorkingDays

@Suite("CivilDate")
struct CivilDateTests {
    @Test(
        "an ISO date reads and prints back the same",
        arguments: ["2024-03-29", "2000-02-29", "0001-01-01", "9999-12-31", "1969-12-31"])
    func isoRoundTrip(iso: String) throws {
        let date = try day(iso)
        #expect(date.description == iso)
        #expect("\(date)" == iso)
    }

    @Test("the parts are the year, month and day written")
    func parts() throws {
        let date = try day("2024-03-29")
        #expect((date.year, date.month, date.day) == (2024, 3, 29))
        #expect(CivilDate(year: 2024, month: 3, day: 29) == date)
    }

    @Test(
        "anything but an existing YYYY-MM-DD date is refused",
        arguments: [
            "2023-02-30", "2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
            "2024-01-32", "0000-01-01", "24-03-01", "2024-3-1", "2024/03/01", "+024-03-01", "2024-03-01T00:00",
            "2024-03-01Z", " 2024-03-01", "2024-03-01 ", "", "２０２４-03-01", "2024-0a-01", "2024--3-01",
        ])
    func refusesBadDates(text: String) {
        #expect(CivilDate(text) == nil)
    }

    @Test("29 February exists in leap years only, 2000 included and 1900 not")
    func leapYears() {
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
    }

    @Test("dates order by time")
    func ordering() throws {
        let dates = try ["2024-03-01", "2023-12-31", "2024-02-29", "2024-03-01", "1999-01-01"].map { try day($0) }
        #expect(
            dates.sorted().map(\.description) == ["1999-01-01", "2023-12-31", "2024-02-29", "2024-03-01", "2024-03-01"])
        #expect(try day("2024-02-29") < day("2024-03-01"))
    }
}

@Suite("CivilDate as JSON")
struct CivilDateCodableTests {
    struct Referral: Codable, Equatable {
        var receivedOn: CivilDate
    }

    @Test("a date travels as \"YYYY-MM-DD\" and comes back equal")
    func roundTrip() throws {
        let referral = Referral(receivedOn: try day("2024-03-25"))
        let json = try JSONEncoder().encode(referral)
        #expect(String(decoding: json, as: UTF8.self) == #"{"receivedOn":"2024-03-25"}"#)
        #expect(try JSONDecoder().decode(Referral.self, from: json) == referral)
    }

    @Test(
        "a malformed or impossible date is refused with expected a date \"YYYY-MM-DD\"",
        arguments: [#""2023-02-30""#, #""2024-3-25""#, #""25/03/2024""#, #""""#, "20240325", "{}"])
    func refusesBadJSON(value: String) throws {
        let json = Data(#"{"receivedOn":\#(value)}"#.utf8)
        let error = try #require(throws: DecodingError.self) { try JSONDecoder().decode(Referral.self, from: json) }
        guard case .dataCorrupted(let context) = error else {
            Issue.record("expected dataCorrupted, got \(error)")
            return
        }
        #expect(context.debugDescription == #"expected a date "YYYY-MM-DD""#)
        #expect(context.codingPath.map(\.stringValue) == ["receivedOn"])
    }

    @Test("null is a missing value, not a bad date")
    func null() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Referral.self, from: Data(#"{"receivedOn":null}"#.utf8))
        }
    }
}

@Suite("CivilDate arithmetic")
struct CivilDateArithmeticTests {
    @Test(
        "adding days crosses months, years and 29 February",
        arguments: [
            ("2024-02-28", 1, "2024-02-29"), ("2024-02-29", 1, "2024-03-01"), ("2023-02-28", 1, "2023-03-01"),
            ("2023-12-31", 1, "2024-01-01"), ("2024-01-01", -1, "2023-12-31"), ("2024-03-25", 0, "2024-03-25"),
            ("2024-03-25", 366, "2025-03-26"), ("1970-01-01", -1, "1969-12-31"), ("2000-01-01", 36_524, "2099-12-31"),
        ])
    func addingDays(start: String, days: Int, expected: String) throws {
        #expect(try day(start).adding(days: days) == day(expected))
        #expect(try day(expected).daysSince(day(start)) == days)
    }

    @Test("days since 1970-01-01 agree with the known epoch values")
    func epoch() throws {
        #expect(try day("1970-01-01").daysSinceEpoch == 0)
        #expect(try day("2000-03-01").daysSinceEpoch == 11_017)
        #expect(try day("1969-12-31").daysSinceEpoch == -1)
        #expect(try day("0001-01-01").daysSinceEpoch == -719_162)
    }

    @Test("every day from 1600 to 2400 converts to a day number and back, one day apart")
    func dayNumbersRoundTrip() throws {
        var previous = try day("1599-12-31")
        for number in try day("1600-01-01").daysSinceEpoch...day("2400-12-31").daysSinceEpoch {
            let date = CivilDate(daysSinceEpoch: number)
            #expect(date.daysSinceEpoch == number)
            #expect(date > previous && CivilDate(year: date.year, month: date.month, day: date.day) == date)
            previous = date
        }
    }

    @Test(
        "weekdays are right on known dates",
        arguments: [
            ("1970-01-01", Weekday.thursday), ("1969-12-31", .wednesday), ("2000-01-01", .saturday),
            ("2024-03-29", .friday), ("2024-04-01", .monday), ("2022-09-19", .monday), ("2023-05-07", .sunday),
        ])
    func weekdays(iso: String, weekday: Weekday) throws {
        #expect(try day(iso).weekday == weekday)
    }

    @Test("weekdays agree with Foundation's Gregorian calendar on every day 1900-2100")
    func weekdaysAgreeWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for number in try day("1900-01-01").daysSinceEpoch...day("2100-12-31").daysSinceEpoch {
            let date = CivilDate(daysSinceEpoch: number)
            let instant = Date(timeIntervalSince1970: Double(number) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: instant)
            // Foundation numbers Sunday 1 to Saturday 7; ISO Monday 1 to Sunday 7.
            #expect(parts.weekday == date.weekday.rawValue % 7 + 1)
            #expect([parts.year, parts.month, parts.day] == [date.year, date.month, date.day])
        }
    }

    @Test(
        "adding months keeps the day, clamped to a shorter month's end (T7 six calendar months)",
        arguments: [
            ("2024-08-31", 6, "2025-02-28"), ("2023-08-31", 6, "2024-02-29"), ("2024-01-31", 1, "2024-02-29"),
            ("2023-01-31", 1, "2023-02-28"), ("2024-05-31", -1, "2024-04-30"), ("2024-03-15", -3, "2023-12-15"),
            ("2024-12-31", 2, "2025-02-28"), ("2024-02-29", 12, "2025-02-28"), ("2024-01-15", -13, "2022-12-15"),
            ("2024-03-25", 0, "2024-03-25"), ("2024-03-25", 6, "2024-09-25"), ("2024-10-31", 3, "2025-01-31"),
        ])
    func addingMonths(start: String, months: Int, expected: String) throws {
        #expect(try day(start).adding(months: months) == day(expected))
    }
}
