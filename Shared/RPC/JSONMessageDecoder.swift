import Foundation

/// A Codable `Decoder` over `JSONMessageScanner`'s tokens that gives the same values as
/// Foundation's `JSONDecoder` (ISO 8601 dates, first of duplicate keys) for the inputs it takes.
/// It never reports an error itself: whenever it throws, even into a `try?` of the type being
/// decoded, the result is discarded and `JSONCodec` decodes again with Foundation, whose values
/// and error messages (with their field paths) are the contract's.
final class JSONMessageDecoder: Decoder {
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private let tokens: [JSONToken]
    /// The token the next container of this decoder reads.
    private var current = 0
    private var pathKeys: [any CodingKey] = []
    /// Set by every throw of this decoder.
    private(set) var failed = false

    private init(copying data: Data) throws(JSONFastPathUnsupported) {
        // Owned for as long as the decoder lives, so no container can outlive its bytes.
        buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, data.count))
        _ = data.copyBytes(to: buffer)
        var scanner = JSONMessageScanner(UnsafeBufferPointer(rebasing: buffer[0..<data.count]))
        do {
            try scanner.scan()
        } catch {
            buffer.deallocate()
            throw error
        }
        tokens = scanner.tokens
    }

    deinit { buffer.deallocate() }

    /// The value, or nil when Foundation's decoder must answer (it also produces the error).
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) -> T? {
        guard let decoder = try? JSONMessageDecoder(copying: data) else { return nil }
        guard let value = try? decoder.value(T.self, at: 0, key: nil), !decoder.failed else { return nil }
        return value
    }

    var codingPath: [any CodingKey] { pathKeys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard tokens[current].kind == .object else { throw fail() }
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, object: current, depth: pathKeys.count))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard tokens[current].kind == .array else { throw fail() }
        return UnkeyedContainer(decoder: self, array: current, depth: pathKeys.count)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueContainer(decoder: self, index: current, depth: pathKeys.count)
    }

    fileprivate func fail() -> JSONFastPathUnsupported {
        failed = true
        return JSONFastPathUnsupported()
    }

    fileprivate func path(depth: Int) -> [any CodingKey] { Array(pathKeys.prefix(depth)) }

    // MARK: values

    fileprivate func token(_ index: Int) -> JSONToken { tokens[index] }

    fileprivate func isNull(_ index: Int) -> Bool { tokens[index].kind == .null }

    fileprivate func string(_ index: Int) throws -> String {
        let token = tokens[index]
        let bytes = UnsafeBufferPointer(rebasing: buffer[token.start..<token.end])
        switch token.kind {
        case .string:
            guard let text = String(validating: bytes, as: UTF8.self) else { throw fail() }
            return text
        case .escapedString:
            guard let text = Self.unescape(bytes) else { throw fail() }
            return text
        default: throw fail()
        }
    }

    fileprivate func bool(_ index: Int) throws -> Bool {
        switch tokens[index].kind {
        case .true: return true
        case .false: return false
        default: throw fail()
        }
    }

    /// Digits only: fractions, exponents and overflow are left to Foundation.
    fileprivate func integer<I: FixedWidthInteger>(_ index: Int, as type: I.Type) throws -> I {
        let token = tokens[index]
        guard token.kind == .integer else { throw fail() }
        var position = token.start
        let negative = buffer[position] == UInt8(ascii: "-")
        if negative {
            guard I.isSigned else { throw fail() }
            position += 1
        }
        var value: I = 0
        while position < token.end {
            let digit = I(buffer[position] - UInt8(ascii: "0"))
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflowA && !overflowB else { throw fail() }
            value = next
            position += 1
        }
        return value
    }

    /// A finite Double read as JSONDecoder reads it (strtod, correctly rounded); a number that
    /// rounds to zero or infinity is left to Foundation, which refuses it.
    fileprivate func double(_ index: Int) throws -> Double {
        let token = tokens[index]
        guard token.kind == .integer || token.kind == .number else { throw fail() }
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[token.start..<token.end]), as: UTF8.self)
        guard let value = Double(text), value.isFinite, value != 0 || Self.allZeroDigits(text) else { throw fail() }
        return value
    }

    private static func allZeroDigits(_ text: String) -> Bool {
        for byte in text.utf8 {
            if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") { return true }
            if byte >= UInt8(ascii: "1") && byte <= UInt8(ascii: "9") { return false }
        }
        return true
    }

    /// Any value at `index`; `key` extends the coding path while a nested type decodes.
    fileprivate func value<T: Decodable>(_ type: T.Type, at index: Int, key: (any CodingKey)?) throws -> T {
        // JSONDecoder's special cases (dates by the strategy; data, URLs and decimals are left
        // to it), and primitives reached through generic code, without a nested decoder.
        if T.self == String.self, let value = try string(index) as? T { return value }
        if T.self == Int.self, let value = try integer(index, as: Int.self) as? T { return value }
        if T.self == Bool.self, let value = try bool(index) as? T { return value }
        if T.self == Date.self {
            guard let date = try? Date.ISO8601FormatStyle().parse(string(index)), let value = date as? T else { throw fail() }
            return value
        }
        if T.self == Data.self || T.self == URL.self || T.self == Decimal.self { throw fail() }
        let saved = current
        current = index
        if let key { pathKeys.append(key) }
        defer {
            current = saved
            if key != nil { pathKeys.removeLast() }
        }
        return try T(from: self)
    }

    /// A string's bytes with its escapes resolved; nil for unpaired surrogates or bad UTF-8.
    private static func unescape(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= bytes.count else { return nil }
            var value: UInt32 = 0
            for offset in 0..<4 {
                guard let digit = JSONMessageScanner.hexValue(bytes[at + offset]) else { return nil }
                value = value << 4 | digit
            }
            return value
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < bytes.count else {
                out.append(byte)
                index += 1
                continue
            }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0c)
            case UInt8(ascii: "n"): out.append(0x0a)
            case UInt8(ascii: "r"): out.append(0x0d)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard var scalar = hex4(index) else { return nil }
                index += 4
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    guard index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
                        let low = hex4(index + 2), low >= 0xDC00 && low < 0xE000
                    else { return nil }
                    index += 6
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { return nil }
                out.append(contentsOf: UTF8.encode(unicode).map { Array($0) } ?? [])
            default: out.append(escape)  // \" \\ \/
            }
        }
        return String(validating: out, as: UTF8.self)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: JSONMessageDecoder
    let object: Int
    let depth: Int

    var codingPath: [any CodingKey] { decoder.path(depth: depth) }

    var allKeys: [Key] {
        var keys: [Key] = []
        forEachMember { keyIndex, _ in
            if let name = try? decoder.string(keyIndex), let key = Key(stringValue: name) { keys.append(key) }
            return false
        }
        return keys
    }

    /// Calls `body` with each member's key and value token until it returns true.
    private func forEachMember(_ body: (Int, Int) -> Bool) {
        let end = decoder.token(object).next
        var index = object + 1
        while index < end {
            if body(index, index + 1) { return }
            index = decoder.token(index + 1).next
        }
    }

    /// The value token of `key`: the first member of that name, as JSONDecoder takes.
    private func find(_ key: Key) -> Int? {
        var name = key.stringValue
        return name.withUTF8 { wanted -> Int? in
            var found: Int?
            forEachMember { keyIndex, valueIndex in
                if decoder.keyEquals(keyIndex, wanted) {
                    found = valueIndex
                    return true
                }
                return false
            }
            return found
        }
    }

    private func valueIndex(_ key: Key) throws -> Int {
        guard let index = find(key) else { throw decoder.fail() }
        return index
    }

    func contains(_ key: Key) -> Bool { find(key) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { decoder.isNull(try valueIndex(key)) }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.bool(valueIndex(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.string(valueIndex(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.double(valueIndex(key)) }
    // Foundation reads a Float through its own parser; rounding twice could differ.
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw decoder.fail() }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.integer(valueIndex(key), as: type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.integer(valueIndex(key), as: type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.integer(valueIndex(key), as: type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.integer(valueIndex(key), as: type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.integer(valueIndex(key), as: type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.integer(valueIndex(key), as: type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.integer(valueIndex(key), as: type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.integer(valueIndex(key), as: type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.integer(valueIndex(key), as: type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.integer(valueIndex(key), as: type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder.value(type, at: valueIndex(key), key: key) }

    // The optional forms look the key up once instead of three times (contains, nil, value).
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        guard let index = find(key), !decoder.isNull(index) else { return nil }
        return try decoder.string(index)
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        guard let index = find(key), !decoder.isNull(index) else { return nil }
        return try decoder.integer(index, as: type)
    }
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        guard let index = find(key), !decoder.isNull(index) else { return nil }
        return try decoder.bool(index)
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let index = find(key), !decoder.isNull(index) else { return nil }
        return try decoder.value(type, at: index, key: key)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        let index = try valueIndex(key)
        guard decoder.token(index).kind == .object else { throw decoder.fail() }
        return KeyedDecodingContainer(KeyedContainer<NestedKey>(decoder: decoder, object: index, depth: depth))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        let index = try valueIndex(key)
        guard decoder.token(index).kind == .array else { throw decoder.fail() }
        return UnkeyedContainer(decoder: decoder, array: index, depth: depth)
    }

    func superDecoder() throws -> any Decoder { throw decoder.fail() }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw decoder.fail() }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: JSONMessageDecoder
    let depth: Int
    let count: Int?
    private(set) var currentIndex = 0
    /// The token of the element at `currentIndex`.
    private var position: Int

    init(decoder: JSONMessageDecoder, array: Int, depth: Int) {
        self.decoder = decoder
        self.depth = depth
        count = decoder.token(array).count
        position = array + 1
    }

    var codingPath: [any CodingKey] { decoder.path(depth: depth) }
    var isAtEnd: Bool { currentIndex >= (count ?? 0) }

    /// Reads the current element and moves past it; a failed read stays where it was.
    private mutating func next<T>(_ read: (JSONMessageDecoder, Int) throws -> T) throws -> T {
        guard !isAtEnd else { throw decoder.fail() }
        let value = try read(decoder, position)
        position = decoder.token(position).next
        currentIndex += 1
        return value
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { throw decoder.fail() }
        guard decoder.isNull(position) else { return false }
        position = decoder.token(position).next
        currentIndex += 1
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try next { try $0.bool($1) } }
    mutating func decode(_ type: String.Type) throws -> String { try next { try $0.string($1) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try next { try $0.double($1) } }
    mutating func decode(_ type: Float.Type) throws -> Float { throw decoder.fail() }
    mutating func decode(_ type: Int.Type) throws -> Int { try next { try $0.integer($1, as: type) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next { try $0.integer($1, as: type) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next { try $0.integer($1, as: type) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next { try $0.integer($1, as: type) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next { try $0.integer($1, as: type) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next { try $0.integer($1, as: type) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next { try $0.integer($1, as: type) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next { try $0.integer($1, as: type) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next { try $0.integer($1, as: type) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next { try $0.integer($1, as: type) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let key = IndexKey(currentIndex)
        return try next { try $0.value(type, at: $1, key: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        let depth = depth
        return try next { decoder, index in
            guard decoder.token(index).kind == .object else { throw decoder.fail() }
            return KeyedDecodingContainer(KeyedContainer<NestedKey>(decoder: decoder, object: index, depth: depth))
        }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        let depth = depth
        return try next { decoder, index in
            guard decoder.token(index).kind == .array else { throw decoder.fail() }
            return UnkeyedContainer(decoder: decoder, array: index, depth: depth)
        }
    }

    mutating func superDecoder() throws -> any Decoder { throw decoder.fail() }
}

private struct SingleValueContainer: SingleValueDecodingContainer {
    let decoder: JSONMessageDecoder
    let index: Int
    let depth: Int

    var codingPath: [any CodingKey] { decoder.path(depth: depth) }

    func decodeNil() -> Bool { decoder.isNull(index) }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.bool(index) }
    func decode(_ type: String.Type) throws -> String { try decoder.string(index) }
    func decode(_ type: Double.Type) throws -> Double { try decoder.double(index) }
    func decode(_ type: Float.Type) throws -> Float { throw decoder.fail() }
    func decode(_ type: Int.Type) throws -> Int { try decoder.integer(index, as: type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decoder.integer(index, as: type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decoder.integer(index, as: type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decoder.integer(index, as: type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decoder.integer(index, as: type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decoder.integer(index, as: type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decoder.integer(index, as: type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decoder.integer(index, as: type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decoder.integer(index, as: type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decoder.integer(index, as: type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.value(type, at: index, key: nil) }
}

extension JSONMessageDecoder {
    /// True when the key token's bytes are exactly `wanted`.
    fileprivate func keyEquals(_ keyIndex: Int, _ wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        let token = token(keyIndex)
        guard token.end - token.start == wanted.count else { return false }
        for offset in 0..<wanted.count where buffer[token.start + offset] != wanted[offset] { return false }
        return true
    }
}
