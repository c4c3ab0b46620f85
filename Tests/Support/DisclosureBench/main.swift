import Contract
import Disclosure
import Foundation
import WorkingDays

// The disclosure scan's time on dense text: every sentence names the family, their address and
// postcode (issue 17, item 5). Prints the size, the findings and the best of three times, for
// each size given in kB (default 168 and 672: four times the text should take about four times
// as long). Run by Tests/Benchmarks/disclosure-bench.sh; never a pass/fail test.
let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let people: [(whose: String, person: Person)] = [
    (
        "child",
        Person(
            name: "Zebedee Quillfeather", alsoKnownAs: ["Zeb Q"], dateOfBirth: CivilDate("2019-03-01"),
            addressHistory: [AddressEntry(address: "Flat 3, 12 Imaginary Lane, Testtown", postcode: "TE5 7AA")])
    ),
    ("mother", Person(name: "Marigold Quillfeather", dateOfBirth: CivilDate("1990-07-08"))),
    ("grandmother", Person(name: "May Hope")),
]
let sentence = "Zebedee Quillfeather and ZEBEDEE's mother Marigold met May Hope at Flat 3, 12 Imaginary Lane, TE5 7AA; Zeb Q é.\n"
for kilobytes in sizes.isEmpty ? [168, 672] : sizes {
    let text = String(repeating: sentence, count: kilobytes * 1024 / sentence.utf8.count + 1)
    var best = Double.infinity
    var findings = 0
    for _ in 0..<3 {
        let start = ContinuousClock.now
        findings = DisclosureScanner.scan(text, people: people).count
        let elapsed = ContinuousClock.now - start
        best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    print("\(text.utf8.count / 1024) kB, \(findings) findings: \(String(format: "%.3f", best)) s (best of 3)")
}
