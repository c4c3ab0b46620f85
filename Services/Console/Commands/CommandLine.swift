/// A command line split into words and options: `--name value`, `--name=value`, or a flag.
package struct ParsedCommandLine: Equatable {
    /// The options that take a value.
    package static let valueOptions: Set<String> = [
        "token", "url", "timeout", "stage", "due-within", "page", "signatory", "queries-contact", "letter-format", "format", "state", "on",
        "version", "by", "role",
    ]
    /// The options that are flags.
    package static let flagOptions: Set<String> = ["json", "overdue", "help", "letters", "csv"]

    /// The words that are not options, in order.
    package var words: [String] = []
    /// Options with values.
    package var values: [String: String] = [:]
    /// Flags given.
    package var flags: Set<String> = []

    /// Parses `arguments` (without the program name). A lone `-` is a word (standard input).
    package init(_ arguments: [String]) throws(ConsoleError) {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                words += arguments[index...]
                break
            }
            guard argument.hasPrefix("--") else {
                words.append(argument)
                continue
            }
            var name = String(argument.dropFirst(2))
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if Self.flagOptions.contains(name) {
                guard value == nil else { throw .usage("--\(name) takes no value") }
                flags.insert(name)
            } else if Self.valueOptions.contains(name) {
                if value == nil {
                    guard index < arguments.count else { throw .usage("--\(name) needs a value") }
                    value = arguments[index]
                    index += 1
                }
                values[name] = value
            } else {
                throw .usage("unknown option --\(name)")
            }
        }
    }

    /// The word at `index`, or a usage error naming what was expected.
    package func word(_ index: Int, _ expected: String) throws(ConsoleError) -> String {
        guard index < words.count else { throw .usage(expected) }
        return words[index]
    }
}

extension ParsedCommandLine {
    /// `--page N` (1 or more), else 1: the page of a list call, `ListPage.defaultSize` a page.
    package func page() throws(ConsoleError) -> Int {
        guard let text = values["page"] else { return 1 }
        guard let number = Int(text), number >= 1 else { throw .usage("--page \"\(text)\" is not a page number (1 or more)") }
        return number
    }
}
