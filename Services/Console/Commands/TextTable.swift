/// Columns of text aligned with spaces, for people reading a terminal.
package struct TextTable {
    private var header: [String]
    private var rows: [[String]] = []

    package init(_ header: [String]) {
        self.header = header
    }

    /// Adds a row (missing cells are blank).
    package mutating func add(_ row: [String]) {
        rows.append(row)
    }

    /// The table, one line per row, columns two spaces apart, no trailing blanks.
    package var text: String {
        let all = [header] + rows
        let columns = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in all {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return all.map { row in
            var line = ""
            for index in 0..<columns {
                let cell = index < row.count ? row[index] : ""
                line += index == columns - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 2)
            }
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
