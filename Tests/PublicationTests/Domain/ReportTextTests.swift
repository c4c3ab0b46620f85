import Contract
import Testing

@testable import PublicationService

/// The gate's text: parts placed by their own offsets and lines, the genogram in any case, the
/// lead reviewer named (P4, V10).
@Suite("ReportText: the report version as the gate checks it")
struct ReportTextTests {
    static let sections = ReportSections(
        executiveSummary: "Summary by Jo Example.", whatHappened: "Line one.\nLine two, genogram here.",
        otherSections: [.init(title: "Annex", text: "é then GENOGRAM")])

    @Test("P4: every section joins the text with its title, in report order, each part starting where its offsets start")
    func partsInOrder() {
        let text = ReportText(Self.sections)
        #expect(
            text.parts.map(\.section) == [
                "executiveSummary.title", "executiveSummary", "whatHappened.title", "whatHappened", "otherSections[0].title", "otherSections[0].text",
            ])
        let bytes = Array(text.text.utf8)
        for part in text.parts {
            #expect(String(decoding: bytes[part.start..<part.end], as: UTF8.self).isEmpty == false)
        }
        #expect(String(decoding: bytes[text.parts[3].start..<text.parts[3].end], as: UTF8.self) == Self.sections.whatHappened)
    }

    @Test(
        "V10: the genogram is found in any case, placed in its part with the part's own offset and line (UTF-8 bytes)",
        arguments: [("whatHappened", 20, 2), ("otherSections[0].text", 8, 1)])
    func v10Genogram(section: String, offset: Int, line: Int) {
        let findings = ReportText(Self.sections).genogramFindings(foundBy: "publication")
        #expect(findings.contains { $0.kind == .genogram && $0.section == section && $0.offset == offset && $0.length == 8 && $0.line == line })
        #expect(findings.count == 2)
    }

    @Test(
        "P4: the lead reviewer must be named, case and spacing aside; no reviewer at all is a finding too",
        arguments: [("Jo Example", true), ("jo   EXAMPLE", true), ("Dana Sample", false), (nil, false)] as [(String?, Bool)])
    func p4LeadReviewerNamed(lead: String?, named: Bool) {
        let findings = ReportText(Self.sections).reviewerFindings(leadReviewer: lead, foundBy: "publication")
        #expect(findings.isEmpty == named)
    }

    @Test("P4: a stage's finding is placed in the part it starts in, with the part's own offset and line")
    func placed() {
        let text = ReportText(Self.sections)
        let whatHappened = text.parts[3]
        let finding = DisclosureAPI.DisclosureFinding(
            kind: .name, whose: "mother", offset: whatHappened.start + 10, length: 4, line: whatHappened.firstLine + 1)
        #expect(
            text.place(finding, foundBy: "intake")
                == .init(kind: .name, whose: "mother", foundBy: "intake", section: "whatHappened", offset: 10, length: 4, line: 2))
    }
}
