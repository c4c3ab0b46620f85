/// One JSON value found by `JSONMessageScanner`: what it is, where its bytes are, and the index
/// of the token after it (and after everything inside it, for objects and arrays).
struct JSONToken {
    enum Kind: UInt8 {
        case object, array, string, escapedString, integer, number, `true`, `false`, null
    }

    var kind: Kind
    /// A string's bytes between the quotes, a number's text, a container's opening byte.
    var start: Int
    var end: Int
    /// The token after this value's subtree.
    var next: Int
    /// Members of an object, elements of an array.
    var count: Int
}

/// A strict RFC 8259 scanner into a flat token list (an object's tokens are key, value, key,
/// value...). It refuses more than Foundation's JSONDecoder does (object keys that are not
/// plain ASCII, unpaired surrogates, deep nesting), never less: what it refuses goes to
/// `JSONStrictCheck` and Foundation. Invalid UTF-8, trailing commas and duplicate keys are
/// among what it refuses, so that a message read here is one the strict check passes.
struct JSONMessageScanner {
    private static let maximumDepth = 256
    /// The decoder finds a key by walking its object's members, which suits messages (tens of
    /// fields) and not maps of thousands of keys: those go to Foundation, which hashes.
    private static let maximumMembers = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private(set) var tokens: [JSONToken] = []

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        tokens.reserveCapacity(16)
    }

    /// Scans one value with only whitespace around it.
    mutating func scan() throws(JSONFastPathUnsupported) {
        skipWhitespace()
        try scanValue(depth: 0)
        skipWhitespace()
        guard position == bytes.count else { throw JSONFastPathUnsupported() }
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0a, 0x0d: position += 1
            default: return
            }
        }
    }

    private func peek() throws(JSONFastPathUnsupported) -> UInt8 {
        guard position < bytes.count else { throw JSONFastPathUnsupported() }
        return bytes[position]
    }

    private mutating func scanValue(depth: Int) throws(JSONFastPathUnsupported) {
        switch try peek() {
        case UInt8(ascii: "{"): try scanObject(depth: depth + 1)
        case UInt8(ascii: "["): try scanArray(depth: depth + 1)
        case UInt8(ascii: "\""): try scanString(isKey: false)
        case UInt8(ascii: "t"): try scanLiteral("true", .true)
        case UInt8(ascii: "f"): try scanLiteral("false", .false)
        case UInt8(ascii: "n"): try scanLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try scanNumber()
        default: throw JSONFastPathUnsupported()
        }
    }

    private mutating func scanObject(depth: Int) throws(JSONFastPathUnsupported) {
        guard depth < Self.maximumDepth else { throw JSONFastPathUnsupported() }
        let index = tokens.count
        tokens.append(JSONToken(kind: .object, start: position, end: position, next: 0, count: 0))
        position += 1
        skipWhitespace()
        var count = 0
        if try peek() == UInt8(ascii: "}") {
            position += 1
        } else {
            while true {
                guard try peek() == UInt8(ascii: "\"") else { throw JSONFastPathUnsupported() }
                let key = tokens.count
                try scanString(isKey: true)
                try refuseDuplicate(key: key, object: index)
                skipWhitespace()
                guard try peek() == UInt8(ascii: ":") else { throw JSONFastPathUnsupported() }
                position += 1
                skipWhitespace()
                try scanValue(depth: depth)
                count += 1
                guard count <= Self.maximumMembers else { throw JSONFastPathUnsupported() }
                skipWhitespace()
                let separator = try peek()
                position += 1
                if separator == UInt8(ascii: "}") { break }
                guard separator == UInt8(ascii: ",") else { throw JSONFastPathUnsupported() }
                skipWhitespace()
            }
        }
        tokens[index].end = position
        tokens[index].next = tokens.count
        tokens[index].count = count
    }

    /// Throws when the key token at `key` repeats an earlier key of the object at `object`.
    private func refuseDuplicate(key: Int, object: Int) throws(JSONFastPathUnsupported) {
        let new = tokens[key]
        var earlier = object + 1
        while earlier < key {
            let old = tokens[earlier]
            if old.end - old.start == new.end - new.start
                && (0..<(new.end - new.start)).allSatisfy({ bytes[old.start + $0] == bytes[new.start + $0] })
            {
                throw JSONFastPathUnsupported()
            }
            // Past the key's value and everything in it, to the next key.
            earlier = tokens[earlier + 1].next
        }
    }

    private mutating func scanArray(depth: Int) throws(JSONFastPathUnsupported) {
        guard depth < Self.maximumDepth else { throw JSONFastPathUnsupported() }
        let index = tokens.count
        tokens.append(JSONToken(kind: .array, start: position, end: position, next: 0, count: 0))
        position += 1
        skipWhitespace()
        var count = 0
        if try peek() == UInt8(ascii: "]") {
            position += 1
        } else {
            while true {
                try scanValue(depth: depth)
                count += 1
                skipWhitespace()
                let separator = try peek()
                position += 1
                if separator == UInt8(ascii: "]") { break }
                guard separator == UInt8(ascii: ",") else { throw JSONFastPathUnsupported() }
                skipWhitespace()
            }
        }
        tokens[index].end = position
        tokens[index].next = tokens.count
        tokens[index].count = count
    }

    private mutating func scanString(isKey: Bool) throws(JSONFastPathUnsupported) {
        position += 1
        let start = position
        var escaped = false
        while true {
            let byte = try peek()
            if byte == UInt8(ascii: "\"") { break }
            // Unescaped control characters are not JSON.
            if byte < 0x20 { throw JSONFastPathUnsupported() }
            if byte == UInt8(ascii: "\\") {
                // Keys are matched byte for byte; an escaped or non-ASCII key goes to Foundation.
                if isKey { throw JSONFastPathUnsupported() }
                escaped = true
                position += 1
                switch try peek() {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    break
                case UInt8(ascii: "u"):
                    for _ in 0..<4 {
                        position += 1
                        guard JSONMessageScanner.hexValue(try peek()) != nil else { throw JSONFastPathUnsupported() }
                    }
                default: throw JSONFastPathUnsupported()
                }
            } else if byte >= 0x80 {
                if isKey { throw JSONFastPathUnsupported() }
                guard let length = JSONStrictCheck.utf8SequenceLength(bytes, at: position) else { throw JSONFastPathUnsupported() }
                position += length
                continue
            }
            position += 1
        }
        tokens.append(JSONToken(kind: escaped ? .escapedString : .string, start: start, end: position, next: tokens.count + 1, count: 0))
        position += 1
    }

    private mutating func scanLiteral(_ literal: StaticString, _ kind: JSONToken.Kind) throws(JSONFastPathUnsupported) {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - position >= count else { throw JSONFastPathUnsupported() }
        for offset in 0..<count where bytes[position + offset] != literal.utf8Start[offset] { throw JSONFastPathUnsupported() }
        tokens.append(JSONToken(kind: kind, start: position, end: position + count, next: tokens.count + 1, count: 0))
        position += count
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func scanNumber() throws(JSONFastPathUnsupported) {
        let start = position
        var integer = true
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let first = try peek()
        if first == UInt8(ascii: "0") {
            position += 1
        } else if first >= UInt8(ascii: "1") && first <= UInt8(ascii: "9") {
            skipDigits()
        } else {
            throw JSONFastPathUnsupported()
        }
        if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
            integer = false
            position += 1
            guard try isDigit(peek()) else { throw JSONFastPathUnsupported() }
            skipDigits()
        }
        if position < bytes.count && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
            integer = false
            position += 1
            let sign = try peek()
            if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { position += 1 }
            guard try isDigit(peek()) else { throw JSONFastPathUnsupported() }
            skipDigits()
        }
        tokens.append(JSONToken(kind: integer ? .integer : .number, start: start, end: position, next: tokens.count + 1, count: 0))
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private mutating func skipDigits() {
        while position < bytes.count && isDigit(bytes[position]) { position += 1 }
    }

    static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
