import Contract
import Testing

/// Issue 17, item 9: a year's sequence runs past 9,999, to six digits, with one spelling per
/// reference (zero-padded to four digits, no leading zero beyond).
@Suite("Case references past 9,999 a year (issue 17, item 9)")
struct CaseReferenceWidthTests {
    @Test(
        "item 9: references of 4 to 6 digits round-trip; 999999 is the last",
        arguments: [("SURREY-2025-9999", 9999), ("SURREY-2025-10000", 10000), ("SURREY-2025-123456", 123_456), ("SURREY-2025-999999", 999_999)])
    func wide(_ text: String, sequence: Int) throws {
        let reference = try #require(CaseReference(text))
        #expect(reference.sequence == sequence)
        #expect(reference.description == text)
        #expect(CaseReference(partnership: "SURREY", year: 2025, sequence: sequence)?.description == text)
    }

    @Test(
        "item 9: one over the last, or a second spelling of a reference, is refused",
        arguments: ["SURREY-2025-1000000", "SURREY-2025-01000", "SURREY-2025-00042", "SURREY-2025-099999"])
    func refused(_ text: String) {
        #expect(CaseReference(text) == nil)
    }

    @Test("item 9: the sequence's last value is 999999")
    func last() {
        #expect(CaseReference(partnership: "SURREY", year: 2025, sequence: 999_999) != nil)
        #expect(CaseReference(partnership: "SURREY", year: 2025, sequence: 1_000_000) == nil)
    }
}
