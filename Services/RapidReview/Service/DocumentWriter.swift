import Foundation

/// Writes a form as plain text or Markdown: the same calls, two layouts.
struct DocumentWriter {
    let markdown: Bool
    private(set) var text = ""

    init(markdown: Bool) { self.markdown = markdown }

    /// A heading; level 1 is the title.
    mutating func heading(_ title: String, level: Int = 2) {
        if markdown {
            line(String(repeating: "#", count: level) + " " + title)
        } else {
            line(title)
            line(String(repeating: level == 1 ? "=" : "-", count: title.count))
        }
        line()
    }

    /// "Label: value" on one line (a value over several lines goes below the label).
    mutating func field(_ label: String, _ value: String) {
        if value.contains("\n") {
            block(label, value)
        } else {
            let colon = label.hasSuffix("?") ? "" : ":"
            line(markdown ? "**\(label)\(colon)** \(escaped(value))  " : "\(label)\(colon) \(value)")
        }
    }

    /// A label, then free text below it.
    mutating func block(_ label: String, _ value: String) {
        line(markdown ? "**\(label):**" : "\(label):")
        line()
        paragraph(value)
    }

    /// A paragraph of free text.
    mutating func paragraph(_ value: String) {
        for part in value.split(separator: "\n", omittingEmptySubsequences: false) {
            line(markdown ? escaped(String(part)) + "  " : String(part))
        }
        line()
    }

    /// A guidance note from the form, in italics in Markdown.
    mutating func note(_ value: String) {
        line(markdown ? "*\(value)*" : "(\(value))")
        line()
    }

    /// A bulleted list.
    mutating func bullets(_ items: [String]) {
        line()
        for item in items { line(markdown ? "- \(escaped(item))" : "  - \(item)") }
        line()
    }

    /// A tick box and its label.
    mutating func checkbox(_ checked: Bool, _ label: String) {
        line(markdown ? "- [\(checked ? "x" : " ")] \(escaped(label))" : "  [\(checked ? "X" : " ")] \(label)")
    }

    /// A table with a header row.
    mutating func table(_ header: [String], _ rows: [[String]]) {
        line()
        if markdown {
            line("| " + header.joined(separator: " | ") + " |")
            line("|" + header.map { _ in " --- |" }.joined())
            for row in rows { line("| " + row.map { escaped($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |") }
        } else {
            let widths = header.indices.map { column in ([header] + rows).map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
            func format(_ cells: [String]) -> String {
                cells.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: "  ")
            }
            line("  " + format(header))
            line("  " + format(widths.map { String(repeating: "-", count: $0) }))
            for row in rows { line("  " + format(row)) }
        }
        line()
    }

    /// Ends a run of tick boxes, or a group of fields.
    mutating func gap() { line() }

    // One blank line at most between blocks, and none at the start.
    private mutating func line(_ value: String = "") {
        if value.isEmpty {
            if !text.isEmpty && !text.hasSuffix("\n\n") { text += "\n" }
        } else {
            text += value.trimmingTrailingSpaces(keepMarkdownBreak: markdown) + "\n"
        }
    }

    // Characters that would turn free text into Markdown markup.
    private func escaped(_ value: String) -> String {
        guard markdown else { return value }
        var result = ""
        for character in value {
            if "\\`*_[]#<>".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces(keepMarkdownBreak: Bool) -> String {
        // A Markdown hard break is two trailing spaces; anything else trailing is noise.
        if keepMarkdownBreak && hasSuffix("  ") && !allSatisfy(\.isWhitespace) {
            return String(self[..<(lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? endIndex)]) + "  "
        }
        return String(self[..<(lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? startIndex)])
    }
}
