import Foundation
import WorkingDays

/// Instants are stored as RFC 3339 UTC text with milliseconds, `2024-05-01T09:30:00.250Z`.
///
/// Why text rather than Int64 milliseconds: it is the wire format of DESIGN.md, an operator
/// reading the file with the `sqlite3` tool sees real times, and with a fixed width (years
/// 0000-9999, always three fraction digits) text order is time order, so indexes and
/// `ORDER BY` work. Sub-millisecond precision is rounded to the nearest millisecond, and
/// instants outside the years 0000-9999 (which `Date.distantPast` and `distantFuture` are
/// inside) are clamped to them, so every stored instant reads back.
package enum InstantText {
    /// The first and last millisecond the text form can hold.
    private static let millisecondRange = -62_167_219_200_000...253_402_300_799_999

    /// The instant's text form.
    package static func string(from date: Date) -> String {
        let exact = (date.timeIntervalSince1970 * 1000).rounded()
        // Clamped in Double before converting, because converting an out-of-range Double to Int traps.
        let clamped =
            exact.isNaN
            ? 0 : min(Double(millisecondRange.upperBound), max(Double(millisecondRange.lowerBound), exact))
        let totalMillis = Int(clamped)
        let (days, millisOfDay) = floorDivide(totalMillis, 86_400_000)
        let hour = millisOfDay / 3_600_000
        let minute = millisOfDay / 60_000 % 60
        let second = millisOfDay / 1000 % 60
        let millis = millisOfDay % 1000
        // The clamp keeps the year within 0000-9999, which `CivilDate.description` pads to four digits.
        return CivilDate(daysSinceEpoch: days).description + "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":" + pad(second, 2) + "."
            + pad(millis, 3) + "Z"
    }

    /// Parses exactly the form `string(from:)` writes; nil for anything else.
    package static func date(from text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 24, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
            b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
            b[19] == UInt8(ascii: "."), b[23] == UInt8(ascii: "Z"),
            let year = digits(b[0..<4]), let month = digits(b[5..<7]), let day = digits(b[8..<10]),
            let hour = digits(b[11..<13]), let minute = digits(b[14..<16]), let second = digits(b[17..<19]),
            let millis = digits(b[20..<23]),
            // Not `CivilDate(String)`: that refuses year 0000, which the clamp above can write.
            let date = CivilDate(year: year, month: month, day: day),
            hour < 24, minute < 60, second < 60
        else { return nil }
        let days = date.daysSinceEpoch
        let total = ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000 + millis
        return Date(timeIntervalSince1970: Double(total) / 1000)
    }

    /// The decimal number spelled by ASCII digits, or nil if any byte is not a digit.
    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return bytes.isEmpty ? nil : value
    }

    /// `value` (not negative) in decimal, left-padded with zeros to `width`.
    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// Division rounding toward negative infinity, so instants before 1970 format correctly.
    private static func floorDivide(_ value: Int, _ divisor: Int) -> (quotient: Int, remainder: Int) {
        let remainder = value % divisor
        return remainder < 0 ? (value / divisor - 1, remainder + divisor) : (value / divisor, remainder)
    }
}

extension Date: SQLiteValueConvertible {
    /// TEXT in RFC 3339 UTC with milliseconds; see `InstantText`.
    package var sqliteValue: SQLiteValue { .text(InstantText.string(from: self)) }
    /// Only from TEXT in exactly that form.
    package init?(sqliteValue: SQLiteValue) {
        guard case .text(let text) = sqliteValue, let date = InstantText.date(from: text) else { return nil }
        self = date
    }
}
