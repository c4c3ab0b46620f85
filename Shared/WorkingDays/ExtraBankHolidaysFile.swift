import Foundation

/// The file of extra bank holidays named by `CSPR_EXTRA_BANK_HOLIDAYS`: one ISO date a line,
/// `#` starts a comment, blank lines ignored.
///
/// It carries a holiday announced after a release (as the 2022 State Funeral was, at ten days'
/// notice) until the code's table has it. A line that is not a date refuses the whole file,
/// naming the line: a silently skipped holiday would move every deadline around it.
package enum ExtraBankHolidaysFile {
    /// The environment variable holding the file's path.
    package static let variable = "CSPR_EXTRA_BANK_HOLIDAYS"

    /// The holidays listed in the file at `path`.
    package static func load(path: String) throws(WorkingDaysError) -> [BankHoliday] {
        // Foundation's own messages for these two are vague on Linux ("error 256"), so say it.
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadableExtraHolidaysFile(file: path, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw .unreadableExtraHolidaysFile(file: path, reason: "it is a directory")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            throw .unreadableExtraHolidaysFile(
                file: path, reason: (underlying ?? error as NSError).localizedDescription)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .unreadableExtraHolidaysFile(file: path, reason: "not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// The holidays listed in `text`; `file` names it in errors.
    package static func parse(_ text: String, file: String) throws(WorkingDaysError) -> [BankHoliday] {
        var holidays: [BankHoliday] = []
        // isNewline splits on \n, \r\n and \r alike, so line numbers match what an editor shows.
        // Windows editors may start the file with a byte-order mark; it is not part of line 1.
        let body = text.first == "\u{FEFF}" ? text.dropFirst() : Substring(text)
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, line) in lines.enumerated() {
            let content = (line.firstIndex(of: "#").map { line[..<$0] } ?? line)
                .trimmingCharacters(in: .whitespaces)
            if content.isEmpty { continue }
            guard let date = CivilDate(content) else {
                throw .badExtraHolidayLine(file: file, line: index + 1, text: content)
            }
            holidays.append(BankHoliday(date))
        }
        return holidays
    }
}
