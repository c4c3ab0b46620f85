import Contract
import Disclosure
import Testing

/// Every form DisclosureScanner's summary promises (P4), and the ordinary words it must leave
/// alone, on the scanner itself; intake's and review-management's RPC tests cover the calls.
@Suite("The disclosure scan (P4): the forms people write")
struct DisclosureScannerTests {
    @Test(
        "P4: names are found as written, in capitals, possessive, first or last name alone, and as aliases",
        arguments: [
            ("Zebedee Quillfeather was seen.", "1 name child: Zebedee Quillfeather"),
            ("ZEBEDEE QUILLFEATHER was seen.", "1 name child: ZEBEDEE QUILLFEATHER"),
            ("Zebedee  Quillfeather's school.", "1 name child: Zebedee  Quillfeather's"),
            ("ZEBEDEE's school.", "1 name child: ZEBEDEE's"),
            ("Zebedee’s school.", "1 name child: Zebedee’s"),
            ("Marigold's partner.", "1 name mother: Marigold's"),
            ("Seen by Zeb Q at home.", "1 alias child: Zeb Q"),
            ("Rowan O'Brien-Hale moved.", "1 name cousin: Rowan O'Brien-Hale"),
            ("Rowan O’Brien-Hale moved.", "1 name cousin: Rowan O’Brien-Hale"),
            ("The O'BRIEN-HALE family.", "1 name cousin: O'BRIEN-HALE"),
            ("Hale's family.", "1 name cousin: Hale's"),
            ("O’Brien said no.", "1 name cousin: O’Brien"),
            ("May Hope visited.", "1 name grandmother: May Hope"),
            ("MAY HOPE visited.", "1 name grandmother: MAY HOPE"),
        ])
    func names(text: String, expected: String) {
        #expect(People.findings(in: text) == [expected])
    }

    @Test(
        "P4: a date of birth is found in each written form",
        arguments: [
            "1 March 2019", "1st March 2019", "01 March 2019", "1st of March 2019", "1 Mar 2019", "1 Mar. 2019", "1 march 2019",
            "March 1, 2019", "March 1st 2019", "Mar 1, 2019", "01/03/2019", "1/3/2019", "1/3/19", "01/03/19", "1.3.2019", "1-3-19",
            "2019-03-01",
        ])
    func datesOfBirth(written: String) {
        #expect(People.findings(in: "Born on \(written).") == ["1 dateOfBirth child: \(written)"])
    }

    @Test("P4: September is written Sept or Sep", arguments: ["1 Sept 2019", "1 Sep 2019", "1 September 2019", "Sept. 1, 2019"])
    func september(written: String) {
        #expect(People.findings(in: "Born on \(written).") == ["1 dateOfBirth cousin: \(written)"])
    }

    @Test(
        "P4: a postcode is found with or without its space, in any case; an address line with a house and a street",
        arguments: [
            ("At TE5 7AA.", "1 postcode child: TE5 7AA"),
            ("At TE57AA.", "1 postcode child: TE57AA"),
            ("At te5 7aa.", "1 postcode child: te5 7aa"),
            ("At TE5  7AA.", "1 postcode child: TE5  7AA"),
            ("At 12 Imaginary Lane.", "1 address child: 12 Imaginary Lane"),
            ("At 12  imaginary lane.", "1 address child: 12  imaginary lane"),
            ("At flat 3.", "1 address child: flat 3"),
        ])
    func places(text: String, expected: String) {
        #expect(People.findings(in: text) == [expected])
    }

    @Test(
        "P4: ordinary words, names in lower case, other dates, other postcodes and a town alone are not findings",
        arguments: [
            "We may hope for better.", "may hope", "A quill, a feather, Lane 12.", "11 March 2019", "1 March 2018", "21/3/2019",
            "01/03/20190", "2019-03-011", "1 March 20190", "TE5 7AB", "XTE5 7AA", "Testtown", "Flat 31", "112 Imaginary Lane",
            "Child Z was seen by agencies A and B in 2024.", "Zebedees", "Rowans", "OBrien", "zebedee quillfeather",
        ])
    func notFindings(text: String) {
        #expect(People.findings(in: text) == [])
    }

    @Test(
        "P4: offsets and lengths count UTF-8 bytes and lines count line feeds, whatever comes before",
        arguments: [
            ("Café\nZebedee.", 6, 2),
            ("👍 Zebedee.", 5, 1),
            ("a\r\nb\r\n\r\nZebedee.", 8, 4),
            ("é👍ü\n\n\nZebedee.", 11, 4),
        ])
    func positions(text: String, offset: Int, line: Int) {
        let findings = DisclosureScanner.scan(text, people: People.family)
        #expect(findings.map(\.offset) == [offset])
        #expect(findings.map(\.length) == [7])
        #expect(findings.map(\.line) == [line])
    }

    @Test("P4: a finding inside a longer one is reported once, as the longer; findings come in the order of the text")
    func overlaps() {
        let text = "Zebedee Quillfeather, Marigold Quillfeather and QUILLFEATHER met May Hope at Flat 3, 12 Imaginary Lane TE5 7AA."
        #expect(
            People.findings(in: text) == [
                "1 name child: Zebedee Quillfeather", "1 name mother: Marigold Quillfeather", "1 name child: QUILLFEATHER",
                "1 name grandmother: May Hope", "1 address child: Flat 3", "1 address child: 12 Imaginary Lane", "1 postcode child: TE5 7AA",
            ])
    }

    @Test("P4: of two findings that partly overlap the longer stays (the earlier when as long), and a finding past it is still reported")
    func partialOverlaps() {
        let grandmother = Person(name: "May Hope", alsoKnownAs: ["Hope May"])
        #expect(
            People.findings(in: "May Hope May.", people: [("grandmother", grandmother)]) == [
                "1 name grandmother: May Hope", "1 name grandmother: May",
            ])
        #expect(
            People.findings(in: "Hope May Hope.", people: [("grandmother", grandmother)]) == [
                "1 alias grandmother: Hope May", "1 name grandmother: Hope",
            ])
    }

    @Test("P4: nothing is found for nobody, or in an empty text")
    func empty() {
        #expect(DisclosureScanner.scan("Zebedee Quillfeather", people: []).isEmpty)
        #expect(DisclosureScanner.scan("", people: People.family).isEmpty)
    }

    @Test("the date count sees numeric dates and dates with a month's name, not years alone")
    func dateCount() {
        #expect(DisclosureScanner.dateLikeTokens(in: "On 1 March 2019, 2019-03-01 and 01/03/19, but not in 2024.") == 3)
        #expect(DisclosureScanner.dateLikeTokens(in: "") == 0)
    }
}
