import H2

/// Call metadata: HTTP header fields with lower-cased names, in order.
package struct Metadata: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// The fields, in order.
    package private(set) var fields: [(name: String, value: String)] = []

    package init() {}

    /// The metadata of a request's header fields, whose names HTTPFields keeps lower-cased.
    package init(_ headers: HTTPFields) {
        fields = headers.fields
    }

    package init(dictionaryLiteral elements: (String, String)...) {
        for (name, value) in elements { add(name, value) }
    }

    /// The first value of `name`, if any.
    package subscript(name: String) -> String? {
        let lower = name.asciiLowercased
        return fields.first { $0.name == lower }?.value
    }

    /// Appends a field.
    package mutating func add(_ name: String, _ value: String) {
        fields.append((name: name.asciiLowercased, value: value))
    }

    /// Replaces every field named `name`.
    package mutating func set(_ name: String, _ value: String) {
        let lower = name.asciiLowercased
        fields.removeAll { $0.name == lower }
        fields.append((name: lower, value: value))
    }

    package func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }

    package static func == (lhs: Metadata, rhs: Metadata) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }
}
