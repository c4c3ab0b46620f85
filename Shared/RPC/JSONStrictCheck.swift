/// RFC 8259 where Foundation's `JSONDecoder` is lenient: the text must be UTF-8 (§8.1), has no
/// trailing commas (§4, §5), and an object's names are unique (§4: we refuse duplicates rather
/// than pick one, so that two readers of one message cannot see different values).
/// It looks for these three faults only; any other syntax error is left to Foundation, whose
/// messages are the contract's.
struct JSONStrictCheck {
    /// A fault of the three, with a message that says where.
    struct Fault: Error, Sendable {
        let message: String
    }

    private static let maximumDepth = 512

    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var path: [PathElement] = []

    private enum PathElement {
        case key(String)
        case index(Int)
    }

    /// The first of the three faults in `bytes`; nil when there is none (or when it meets some
    /// other syntax error first).
    static func fault(in bytes: UnsafeBufferPointer<UInt8>) -> Fault? {
        if let offset = firstInvalidUTF8(bytes) {
            return Fault(message: "request body is not valid JSON: invalid UTF-8 at byte \(offset)")
        }
        var checker = JSONStrictCheck(bytes: bytes)
        do { _ = try checker.value(depth: 0) } catch { return error }
        return nil
    }

    /// The offset of the first byte that does not belong to well-formed UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        while index < bytes.count {
            guard let length = utf8SequenceLength(bytes, at: index) else { return index }
            index += length
        }
        return nil
    }

    /// The length of the well-formed UTF-8 sequence at `index`, or nil when it is not one
    /// (overlong forms, surrogates and values past U+10FFFF are not UTF-8).
    static func utf8SequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let lead = bytes[index]
        if lead < 0x80 { return 1 }
        let length: Int
        let minimum: UInt32
        switch lead {
        case 0xc2...0xdf: (length, minimum) = (2, 0x80)
        case 0xe0...0xef: (length, minimum) = (3, 0x800)
        case 0xf0...0xf4: (length, minimum) = (4, 0x10000)
        default: return nil
        }
        guard index + length <= bytes.count else { return nil }
        var scalar = UInt32(lead) & (0xff >> (length + 1))
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xc0 == 0x80 else { return nil }
            scalar = scalar << 6 | UInt32(byte & 0x3f)
        }
        if scalar < minimum || (0xd800...0xdfff).contains(scalar) || scalar > 0x10ffff { return nil }
        return length
    }

    private var pathText: String {
        var text = ""
        for element in path {
            switch element {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text.isEmpty ? "(message)" : text
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0a, 0x0d].contains(bytes[position]) { position += 1 }
    }

    /// Checks one value; false when it met a syntax error (left to Foundation).
    private mutating func value(depth: Int) throws(Fault) -> Bool {
        skipWhitespace()
        guard position < bytes.count, depth < Self.maximumDepth else { return false }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return string() != nil
        default:
            // Numbers and literals: their syntax is Foundation's to judge.
            while position < bytes.count, !",]} \t\r\n".utf8.contains(bytes[position]) { position += 1 }
            return true
        }
    }

    private mutating func object(depth: Int) throws(Fault) -> Bool {
        position += 1
        skipWhitespace()
        if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
            position += 1
            return true
        }
        var keys = Set<String>()
        while true {
            skipWhitespace()
            guard position < bytes.count else { return false }
            if bytes[position] == UInt8(ascii: "}") {
                throw Fault(message: "request body is not valid JSON: a trailing comma in \(pathText) at byte \(position - 1)")
            }
            guard bytes[position] == UInt8(ascii: "\""), let key = string() else { return false }
            guard keys.insert(key).inserted else {
                throw Fault(message: "\(pathText): the key \"\(key)\" appears more than once")
            }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { return false }
            position += 1
            path.append(.key(key))
            guard try value(depth: depth) else { return false }
            path.removeLast()
            skipWhitespace()
            guard position < bytes.count else { return false }
            let separator = bytes[position]
            position += 1
            if separator == UInt8(ascii: "}") { return true }
            guard separator == UInt8(ascii: ",") else { return false }
        }
    }

    private mutating func array(depth: Int) throws(Fault) -> Bool {
        position += 1
        skipWhitespace()
        if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
            position += 1
            return true
        }
        var index = 0
        while true {
            skipWhitespace()
            guard position < bytes.count else { return false }
            if bytes[position] == UInt8(ascii: "]") {
                throw Fault(message: "request body is not valid JSON: a trailing comma in \(pathText) at byte \(position - 1)")
            }
            path.append(.index(index))
            guard try value(depth: depth) else { return false }
            path.removeLast()
            index += 1
            skipWhitespace()
            guard position < bytes.count else { return false }
            let separator = bytes[position]
            position += 1
            if separator == UInt8(ascii: "]") { return true }
            guard separator == UInt8(ascii: ",") else { return false }
        }
    }

    /// Four hex digits at `position`, consumed; nil when they are not.
    private mutating func hex4() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard let digit = JSONMessageScanner.hexValue(bytes[position + offset]) else { return nil }
            value = value << 4 | digit
        }
        position += 4
        return value
    }

    /// Reads a string (the opening quote at `position`) and returns its text, escapes decoded;
    /// nil on a syntax error.
    private mutating func string() -> String? {
        position += 1
        var runStart = position
        var text = ""
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                text += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") {
                text += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<position]), as: UTF8.self)
                position += 1
                guard position < bytes.count else { return nil }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "u"):
                    guard var value = hex4() else { return nil }
                    // A surrogate pair escaped as two \u escapes is one character.
                    if (0xd800...0xdbff).contains(value), position + 6 <= bytes.count, bytes[position] == UInt8(ascii: "\\"),
                        bytes[position + 1] == UInt8(ascii: "u")
                    {
                        position += 2
                        guard let low = hex4() else { return nil }
                        value = (0xdc00...0xdfff).contains(low) ? 0x10000 + ((value - 0xd800) << 10) + (low - 0xdc00) : value
                    }
                    text.unicodeScalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                case UInt8(ascii: "n"): text += "\n"
                case UInt8(ascii: "t"): text += "\t"
                case UInt8(ascii: "r"): text += "\r"
                case UInt8(ascii: "b"): text += "\u{8}"
                case UInt8(ascii: "f"): text += "\u{C}"
                default: text.unicodeScalars.append(Unicode.Scalar(escape))
                }
                runStart = position
                continue
            }
            position += 1
        }
        return nil
    }
}
