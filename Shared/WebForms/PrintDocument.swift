import ServiceKit

/// The Markdown the document renderers write (`DocumentWriter`: headings, `**label:**` fields,
/// notes, bullets, ticked boxes, tables, paragraphs) as HTML for the A4 print stylesheet: each
/// `##` heading opens a `<section>`, which prints on a new page. Only that subset is read,
/// and every text is escaped.
package enum PrintDocument {
    /// `markdown` as the HTML of an `<article class="document">`, every text escaped.
    package static func render(_ markdown: String) -> String {
        var html = ""
        var (inList, inTable, inSection, tableHeader) = (false, false, false, true)
        func close() {
            if inList { html += "</ul>\n" }
            if inTable { html += "</tbody></table>\n" }
            inList = false
            inTable = false
        }
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw).trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                close()
                continue
            }
            if line.hasPrefix("#") {
                close()
                let level = min(4, line.prefix { $0 == "#" }.count)
                let title = inline(String(line.drop { $0 == "#" }).trimmingCharacters(in: .whitespaces))
                if level <= 2 {
                    if inSection { html += "</section>\n" }
                    html += "<section>\n"
                    inSection = true
                }
                html += "<h\(level + 1)>\(title)</h\(level + 1)>\n"
            } else if line.hasPrefix("|") {
                if !inTable {
                    close()
                    html += "<table><thead>"
                    inTable = true
                    tableHeader = true
                }
                let cells = splitCells(line)
                if cells.allSatisfy({ $0.allSatisfy { $0 == "-" || $0 == " " || $0 == ":" } }) {
                    html += "</thead><tbody>\n"
                    tableHeader = false
                    continue
                }
                let tag = tableHeader ? "th scope=\"col\"" : "td"
                let end = tableHeader ? "th" : "td"
                html += "<tr>" + cells.map { "<\(tag)>\(inline($0))</\(end)>" }.joined() + "</tr>\n"
            } else if line.hasPrefix("- ") {
                if !inList {
                    close()
                    html += "<ul>\n"
                    inList = true
                }
                var item = String(line.dropFirst(2))
                if item.hasPrefix("[x] ") || item.hasPrefix("[ ] ") {
                    let ticked = item.hasPrefix("[x]")
                    item = String(item.dropFirst(4))
                    html += "<li>\(ticked ? "☒ <strong>Yes:</strong>" : "☐") \(inline(item))</li>\n"
                } else {
                    html += "<li>\(inline(item))</li>\n"
                }
            } else {
                close()
                html += "<p>\(inline(line))</p>\n"
            }
        }
        close()
        if inSection { html += "</section>\n" }
        return html
    }

    /// A table row's cells, `\|` kept inside a cell.
    private static func splitCells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for character in line.dropFirst() {
            if escaped {
                cell.append("\\")
                cell.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(cell.trimmingCharacters(in: .whitespaces))
                cell = ""
            } else {
                cell.append(character)
            }
        }
        return cells
    }

    /// `**bold**` and `*emphasis*`, backslash escapes undone, the rest escaped.
    package static func inline(_ text: String) -> String {
        var html = ""
        var (bold, emphasis) = (false, false)
        var characters = Array(text)[...]
        while let character = characters.first {
            characters = characters.dropFirst()
            if character == "\\", let next = characters.first {
                html += HTML.escape(String(next))
                characters = characters.dropFirst()
            } else if character == "*", characters.first == "*" {
                characters = characters.dropFirst()
                html += bold ? "</strong>" : "<strong>"
                bold.toggle()
            } else if character == "*" {
                html += emphasis ? "</em>" : "<em>"
                emphasis.toggle()
            } else {
                html += HTML.escape(String(character))
            }
        }
        if emphasis { html += "</em>" }
        if bold { html += "</strong>" }
        return html
    }
}
