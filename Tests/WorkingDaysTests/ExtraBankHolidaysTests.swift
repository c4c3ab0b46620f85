import Foundation
import Testing
import WorkingDays

@Suite("Extra bank holidays from CSPR_EXTRA_BANK_HOLIDAYS")
struct ExtraBankHolidaysTests {
    /// A file holding `text` in a fresh temporary directory, removed by `body`'s end.
    private func withFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-wd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("extra-bank-holidays.txt")
        try Data(text.utf8).write(to: file)
        return try body(file.path)
    }

    @Test("a day listed in the file is a day off, and deadlines move past it")
    func extraDaysCount() throws {
        let text = """
            # Announced after the release: counted until the code's table has it.

            2030-05-10   # a Friday
            2031-01-06
            """
        let calendar = try withFile(text) { try WorkingCalendar.fromEnvironment([ExtraBankHolidaysFile.variable: $0]) }
        let friday = try day("2030-05-10")
        #expect(!calendar.isWorkingDay(friday))
        #expect(calendar.addingWorkingDays(1, to: try day("2030-05-09")) == (try day("2030-05-13")))
        #expect(calendar.workingDays(from: try day("2030-05-06"), to: try day("2030-05-13")) == 4)
        #expect(calendar.holidays(in: 2030).contains(BankHoliday(friday, "Extra bank holiday")))
        #expect(calendar.holidays(in: 2030).count == 9)
        #expect(!calendar.isWorkingDay(try day("2031-01-06")))
        // The official calendar is untouched.
        #expect(WorkingCalendar().isWorkingDay(friday))
    }

    @Test("a list given in code counts the same way, and a day already off is not counted twice")
    func extraDaysFromList() throws {
        let calendar = WorkingCalendar(extraHolidays: [
            BankHoliday(try day("2024-07-05"), "Polling day"), BankHoliday(try day("2024-12-25"), "Again"),
            BankHoliday(try day("2024-07-06")),
        ])
        #expect(calendar.bankHolidays.holiday(on: try day("2024-07-05"))?.name == "Polling day")
        #expect(calendar.bankHolidays.holiday(on: try day("2024-12-25"))?.name == "Christmas Day")
        #expect(calendar.holidays(in: 2024).count == 10)
        // Friday 5 July off; Saturday 6 July was never a working day.
        #expect(calendar.workingDays(from: try day("2024-07-01"), to: try day("2024-07-08")) == 4)
        #expect(calendar.workingDays(from: try day("2024-12-20"), to: try day("2024-12-31")) == 5)
    }

    @Test("a malformed line refuses the whole file, naming the file and the line")
    func malformedLine() throws {
        let text = "# extra days\n2030-05-10\n\n2030-02-30 # no such day\n2030-06-01\n"
        try withFile(text) { path in
            let error = #expect(throws: WorkingDaysError.self) {
                try WorkingCalendar.fromEnvironment([ExtraBankHolidaysFile.variable: path])
            }
            #expect(error == .badExtraHolidayLine(file: path, line: 4, text: "2030-02-30"))
            #expect(error?.description == "\(path), line 4: expected a date \"YYYY-MM-DD\", got \"2030-02-30\"")
        }
    }

    @Test(
        "line numbers count every line, blank, comment or Windows-ended",
        arguments: [
            ("2030-05-10\r\n\r\n10/05/2030\r\n", 3, "10/05/2030"), ("#\n#\n#\nmonday\n", 4, "monday"),
            ("2030-05-10 2030-05-11\n", 1, "2030-05-10 2030-05-11"),
        ])
    func lineNumbers(text: String, line: Int, bad: String) {
        #expect(throws: WorkingDaysError.badExtraHolidayLine(file: "extra.txt", line: line, text: bad)) {
            try ExtraBankHolidaysFile.parse(text, file: "extra.txt")
        }
    }

    @Test("a byte-order mark left by a Windows editor is not part of the first date")
    func byteOrderMark() throws {
        let holidays = try ExtraBankHolidaysFile.parse("\u{FEFF}2030-05-10\r\n2031-01-06\r\n", file: "extra.txt")
        #expect(holidays == [BankHoliday(try day("2030-05-10")), BankHoliday(try day("2031-01-06"))])
    }

    @Test("a missing file, or a directory, is refused naming it and why")
    func unreadableFile() throws {
        let missing = "/nonexistent/cspr/extra-bank-holidays.txt"
        let error = #expect(throws: WorkingDaysError.self) { try WorkingCalendar(extraHolidaysFile: missing) }
        #expect(error?.description == "cannot read the extra bank holidays file \(missing): no such file")
        let directory = FileManager.default.temporaryDirectory.path
        #expect(throws: WorkingDaysError.unreadableExtraHolidaysFile(file: directory, reason: "it is a directory")) {
            try WorkingCalendar.fromEnvironment([ExtraBankHolidaysFile.variable: directory])
        }
    }

    @Test("unset or empty, the variable leaves the official calendar")
    func unsetOrEmpty() throws {
        for environment in [[:], [ExtraBankHolidaysFile.variable: ""]] {
            let calendar = try WorkingCalendar.fromEnvironment(environment)
            #expect(calendar.bankHolidays.extra.isEmpty)
            #expect(calendar.holidays(in: 2024).count == 8)
        }
    }
}
