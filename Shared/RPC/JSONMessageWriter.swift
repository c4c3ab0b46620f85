/// Writes `JSONNode`s as bytes exactly as Foundation's `JSONEncoder` does with
/// `[.sortedKeys, .withoutEscapingSlashes]`: keys in UTF-8 byte order, no whitespace, and the
/// same escapes (`\"`, `\\`, `\b \f \n \r \t`, `\u00XX` for the other control characters;
/// everything else, "/" and U+2028 included, as it is).
struct JSONMessageWriter {
    // JSONEncoder refuses deeper nesting; the fast path leaves that error to it.
    private static let maximumDepth = 512

    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    mutating func write(_ node: JSONNode, depth: Int = 0) throws(JSONFastPathUnsupported) {
        switch node {
        case .null: append("null")
        case .bool(let value): append(value ? "true" : "false")
        case .number(let text): bytes.append(contentsOf: text.utf8)
        case .string(let text): writeString(text)
        case .array(let box):
            guard depth + 1 < Self.maximumDepth else { throw JSONFastPathUnsupported() }
            bytes.append(UInt8(ascii: "["))
            var first = true
            for element in box.elements {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                try write(element, depth: depth + 1)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let box):
            guard depth + 1 < Self.maximumDepth else { throw JSONFastPathUnsupported() }
            try writeObject(box.members, depth: depth + 1)
        }
    }

    private mutating func writeObject(_ members: [(key: String, value: JSONNode)], depth: Int) throws(JSONFastPathUnsupported) {
        // JSONEncoder keeps members in a dictionary (the last write of a key wins; keys equal
        // under Unicode canonical equivalence are one key). Plain ASCII keys, each once, are
        // all the contract has; anything else is left to Foundation.
        for member in members where !member.key.utf8.allSatisfy({ $0 < 0x80 }) { throw JSONFastPathUnsupported() }
        let sorted = members.count < 2 ? members : members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        bytes.append(UInt8(ascii: "{"))
        var previous: String?
        for member in sorted {
            if let previous {
                if previous == member.key { throw JSONFastPathUnsupported() }
                bytes.append(UInt8(ascii: ","))
            }
            previous = member.key
            writeString(member.key)
            bytes.append(UInt8(ascii: ":"))
            try write(member.value, depth: depth)
        }
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A quoted string with JSONEncoder's escapes.
    mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var mark = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if index > mark { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark..<index])) }
                mark = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0c: bytes.append(UInt8(ascii: "f"))
                case 0x0a: bytes.append(UInt8(ascii: "n"))
                case 0x0d: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    bytes.append(Self.hexDigit(byte >> 4))
                    bytes.append(Self.hexDigit(byte & 0x0f))
                }
            }
            if mark < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[mark...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    // Lower-case, as JSONEncoder writes them.
    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? UInt8(ascii: "0") + value : UInt8(ascii: "a") + value - 10
    }
}
