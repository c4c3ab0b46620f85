import Foundation

/// A JSON value being built by `JSONMessageEncoder`; objects and arrays are boxes so that the
/// containers a Codable type holds keep filling the same one.
enum JSONNode {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array(JSONArrayBox)
    case object(JSONObjectBox)
}

/// The members of an object, in the order they were encoded (sorted when written).
final class JSONObjectBox {
    var members: [(key: String, value: JSONNode)] = []
}

/// The elements of an array.
final class JSONArrayBox {
    var elements: [JSONNode] = []
}

/// Thrown inside the fast encoder when a value needs something it leaves to Foundation's
/// `JSONEncoder` (super encoders, reopened nested containers, non-finite numbers).
struct JSONFastPathUnsupported: Error {}

/// A Codable `Encoder` that builds `JSONNode`s with exactly the values Foundation's
/// `JSONEncoder` (ISO 8601 dates, base64 data) would produce, for `JSONMessageWriter` to write.
/// Anything unusual marks the encoding as unsupported and `JSONCodec` asks Foundation instead.
final class JSONMessageEncoder: Encoder {
    private let parent: JSONMessageEncoder?
    private let key: (any CodingKey)?
    private let state: SharedState
    /// What this encoder's value encoded, if anything.
    private(set) var node: JSONNode?

    /// Set when something was asked that the fast path leaves to Foundation.
    final class SharedState {
        var unsupported = false
    }

    init() {
        parent = nil
        key = nil
        state = SharedState()
    }

    private init(parent: JSONMessageEncoder, key: (any CodingKey)?) {
        self.parent = parent
        self.key = key
        self.state = parent.state
    }

    var unsupported: Bool { state.unsupported }
    func markUnsupported() { state.unsupported = true }

    var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var encoder: JSONMessageEncoder? = self
        while let current = encoder {
            if let key = current.key { keys.append(key) }
            encoder = current.parent
        }
        return keys.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: JSONObjectBox
        switch node {
        case .object(let existing): box = existing
        case nil:
            box = JSONObjectBox()
            node = .object(box)
        default:
            markUnsupported()
            box = JSONObjectBox()
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(encoder: self, box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: JSONArrayBox
        switch node {
        case .array(let existing): box = existing
        case nil:
            box = JSONArrayBox()
            node = .array(box)
        default:
            markUnsupported()
            box = JSONArrayBox()
        }
        return UnkeyedContainer(encoder: self, box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(encoder: self)
    }

    fileprivate func setSingle(_ value: JSONNode) {
        if node != nil { markUnsupported() }
        node = value
    }

    /// The node of any encodable value; `key` is its place in the coding path.
    func box<T: Encodable>(_ value: T, key: (any CodingKey)?) throws -> JSONNode {
        // JSONEncoder writes a nested value that encoded nothing as an empty object.
        try boxIfEncoded(value, key: key) ?? .object(JSONObjectBox())
    }

    /// The node of a value, or nil when it encoded nothing at all.
    private func boxIfEncoded<T: Encodable>(_ value: T, key: (any CodingKey)?) throws -> JSONNode? {
        // The values JSONEncoder treats specially, and primitives reached through generic code
        // (array elements, optionals), without a nested encoder.
        if T.self == String.self, let string = value as? String { return .string(string) }
        if T.self == Int.self, let int = value as? Int { return .number(String(int)) }
        if T.self == Bool.self, let bool = value as? Bool { return .bool(bool) }
        if T.self == Int64.self, let int = value as? Int64 { return .number(String(int)) }
        if T.self == Double.self, let double = value as? Double { return try Self.number(double) }
        if T.self == Date.self, let date = value as? Date { return .string(date.formatted(.iso8601)) }
        if T.self == Data.self, let data = value as? Data { return .string(data.base64EncodedString()) }
        if T.self == URL.self || T.self == Decimal.self { throw JSONFastPathUnsupported() }
        let nested = JSONMessageEncoder(parent: self, key: key)
        try value.encode(to: nested)
        return nested.node
    }

    /// The bytes of a whole message, or nil when Foundation's encoder must answer (it also
    /// produces the error when the value cannot be encoded).
    static func encode<T: Encodable>(_ value: T) -> [UInt8]? {
        let root = JSONMessageEncoder()
        do {
            // A top-level value that encodes nothing is an error in JSONEncoder.
            guard let node = try root.boxIfEncoded(value, key: nil), !root.unsupported else { return nil }
            var writer = JSONMessageWriter()
            try writer.write(node)
            return writer.bytes
        } catch {
            return nil
        }
    }

    /// A finite number as JSONEncoder writes it: its description without a trailing ".0".
    static func number<F: BinaryFloatingPoint & CustomStringConvertible>(_ value: F) throws -> JSONNode {
        guard value.isFinite else { throw JSONFastPathUnsupported() }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .number(text)
    }

    fileprivate func nestedEncoder(key: (any CodingKey)?) -> JSONMessageEncoder {
        JSONMessageEncoder(parent: self, key: key)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONMessageEncoder
    let box: JSONObjectBox

    var codingPath: [any CodingKey] { encoder.codingPath }

    private func set(_ value: JSONNode, _ key: Key) { box.members.append((key.stringValue, value)) }

    mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(try JSONMessageEncoder.number(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(try JSONMessageEncoder.number(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(.number(String(value)), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { set(try encoder.box(value, key: key), key) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBox()
        set(.object(nested), key)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: encoder.nestedEncoder(key: key), box: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONArrayBox()
        set(.array(nested), key)
        return UnkeyedContainer(encoder: encoder.nestedEncoder(key: key), box: nested)
    }

    // A super encoder writes into its container only when it goes away: left to Foundation.
    mutating func superEncoder() -> any Encoder {
        encoder.markUnsupported()
        return JSONMessageEncoder()
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        encoder.markUnsupported()
        return JSONMessageEncoder()
    }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: JSONMessageEncoder
    let box: JSONArrayBox

    var codingPath: [any CodingKey] { encoder.codingPath }
    var count: Int { box.elements.count }

    private func append(_ value: JSONNode) { box.elements.append(value) }

    mutating func encodeNil() throws { append(.null) }
    mutating func encode(_ value: Bool) throws { append(.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(try JSONMessageEncoder.number(value)) }
    mutating func encode(_ value: Float) throws { append(try JSONMessageEncoder.number(value)) }
    mutating func encode(_ value: Int) throws { append(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { append(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { append(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { append(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { append(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { append(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { append(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { append(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { append(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { append(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { append(try encoder.box(value, key: IndexKey(count))) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBox()
        let key = IndexKey(count)
        append(.object(nested))
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: encoder.nestedEncoder(key: key), box: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArrayBox()
        let key = IndexKey(count)
        append(.array(nested))
        return UnkeyedContainer(encoder: encoder.nestedEncoder(key: key), box: nested)
    }

    mutating func superEncoder() -> any Encoder {
        encoder.markUnsupported()
        return JSONMessageEncoder()
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONMessageEncoder

    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.setSingle(.null) }
    mutating func encode(_ value: Bool) throws { encoder.setSingle(.bool(value)) }
    mutating func encode(_ value: String) throws { encoder.setSingle(.string(value)) }
    mutating func encode(_ value: Double) throws { encoder.setSingle(try JSONMessageEncoder.number(value)) }
    mutating func encode(_ value: Float) throws { encoder.setSingle(try JSONMessageEncoder.number(value)) }
    mutating func encode(_ value: Int) throws { encoder.setSingle(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { encoder.setSingle(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { encoder.setSingle(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { encoder.setSingle(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { encoder.setSingle(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { encoder.setSingle(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { encoder.setSingle(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { encoder.setSingle(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { encoder.setSingle(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { encoder.setSingle(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.setSingle(try encoder.box(value, key: nil)) }
}

/// An array position in a coding path, as JSONEncoder names it (`Index 2`).
struct IndexKey: CodingKey {
    let intValue: Int?
    let stringValue: String

    init(_ index: Int) {
        intValue = index
        stringValue = "Index \(index)"
    }

    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.init(intValue) }
}
