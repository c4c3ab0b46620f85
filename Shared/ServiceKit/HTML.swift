/// Text made safe for HTML: every value the pages show goes through `escape`, element content
/// and attribute values alike, whatever its source.
package enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references.
    package static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// An element with escaped text content and attributes: `element("td", "x", ["class": "a"])`.
    package static func element(_ name: String, _ text: String, _ attributes: KeyValuePairs<String, String> = [:]) -> String {
        "<\(name)\(attributeText(attributes))>\(escape(text))</\(name)>"
    }

    /// ` name="value"` for each attribute, values escaped.
    package static func attributeText(_ attributes: KeyValuePairs<String, String>) -> String {
        attributes.map { " \($0.key)=\"\(escape($0.value))\"" }.joined()
    }
}
