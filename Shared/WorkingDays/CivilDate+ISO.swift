extension CivilDate: LosslessStringConvertible {
    /// Parses exactly `YYYY-MM-DD` (ten ASCII characters, years 0001-9999); nil for anything
    /// else, including dates that do not exist such as 2023-02-30.
    package init?(_ iso: String) {
        let bytes = Array(iso.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = CivilDate.number(bytes[0..<4]), let month = CivilDate.number(bytes[5..<7]),
            let day = CivilDate.number(bytes[8..<10]), year >= 1
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The ISO form, `2024-03-29`.
    package var description: String {
        // Years outside 1-9999 only arise from arithmetic far off the calendar's use; they are
        // still written plainly rather than trapping.
        CivilDate.padded(year, 4) + "-" + CivilDate.padded(month, 2) + "-" + CivilDate.padded(day, 2)
    }

    // Digits only: Int("+1") would accept a sign, which "YYYY-MM-DD" does not.
    private static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value.magnitude)
        let zeros = String(repeating: "0", count: max(0, width - text.count))
        return (value < 0 ? "-" : "") + zeros + text
    }
}

extension CivilDate: Codable {
    /// The message every malformed date is refused with; the RPC layer prefixes the field path
    /// (`referral.receivedOn: expected a date "YYYY-MM-DD"`).
    package static let expectedFormat = "expected a date \"YYYY-MM-DD\""

    /// Decodes `"YYYY-MM-DD"`; anything else, impossible dates included, is `dataCorrupted`.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        // A number or an object where a date belongs gets the date message too, which tells the
        // caller more than "expected a string"; null stays valueNotFound ("must not be null").
        let text: String
        do {
            text = try container.decode(String.self)
        } catch DecodingError.typeMismatch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: CivilDate.expectedFormat)
        }
        guard let date = CivilDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: CivilDate.expectedFormat)
        }
        self = date
    }

    /// Encodes as `"YYYY-MM-DD"`.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
