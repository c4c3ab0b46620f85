import Contract
import Foundation
import WorkingDays

/// A kept status's JSON, judged on the day it is read without decoding it: the feed serves
/// pages of statuses as stored, and only the state of each deadline not met depends on the day.
///
/// The stored text is what `JSONCodec` wrote for the status (keys sorted), so judging it in
/// place gives the bytes that decoding, judging and encoding it again would give (a test holds
/// the two to that). In a status only deadline objects have a `status` key; they are flat (no
/// nested object), and a deadline met has a `metOn` key before its `status`; one not met has
/// its `due` there.
enum StoredStatusJSON {
    private static let statusKey = Array(#""status":""#.utf8)
    private static let dueKey = Array(#""due":""#.utf8)
    private static let metOnKey = Array(#""metOn":"#.utf8)
    private static let quote = UInt8(ascii: "\""), openBrace = UInt8(ascii: "{")

    /// `stored` with every deadline not met in the state `judge` gives it; appended to `output`.
    static func appendJudged(_ stored: some Collection<UInt8>, by judge: DeadlineJudge, to output: inout [UInt8]) {
        let bytes = Array(stored)
        var copied = 0
        var index = 0
        var objectStart = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == openBrace { objectStart = index }
            guard byte == quote, matches(statusKey, in: bytes, at: index) else {
                index += 1
                continue
            }
            let valueStart = index + statusKey.count
            guard let valueEnd = bytes[valueStart...].firstIndex(of: quote) else { break }
            let object = bytes[objectStart..<index]
            if find(metOnKey, in: object) == nil, let due = find(dueKey, in: object).flatMap({ date(in: bytes, at: $0 + dueKey.count) }) {
                output.append(contentsOf: bytes[copied..<valueStart])
                output.append(contentsOf: judge.status(due: due).rawValue.utf8)
                copied = valueEnd
            }
            index = valueEnd + 1
        }
        output.append(contentsOf: bytes[copied...])
    }

    private static func matches(_ key: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        guard index + key.count <= bytes.count else { return false }
        for offset in 0..<key.count where bytes[index + offset] != key[offset] { return false }
        return true
    }

    private static func find(_ key: [UInt8], in slice: ArraySlice<UInt8>) -> Int? {
        var index = slice.startIndex
        while index + key.count <= slice.endIndex {
            if slice[index] == key[0], slice[index..<(index + key.count)].elementsEqual(key) { return index }
            index += 1
        }
        return nil
    }

    private static func date(in bytes: [UInt8], at index: Int) -> CivilDate? {
        guard index + 10 <= bytes.count else { return nil }
        return CivilDate(String(decoding: bytes[index..<(index + 10)], as: UTF8.self))
    }
}
