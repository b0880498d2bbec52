import Foundation

/// Encodes `Encodable` values straight into a `JSONValue` tree, keeping the
/// order in which keys are encoded (declaration order for our envelope
/// types), so emitted JSON is deterministic and can be validated without
/// serialising and parsing it again.
///
/// An optional that is nil is written as `null`, never left out: our
/// documents have one shape (every field present), so the types can use
/// synthesised `Codable` (whose `encodeIfPresent` would otherwise drop the
/// key).
public struct JSONValueEncoder {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let encoder = TreeEncoder(codingPath: [])
        try value.encode(to: encoder)
        return encoder.root.resolved ?? .null
    }
}

/// A growing JSON value that child containers write into.
private final class Slot {
    var value: JSONValue?
    var object: [(String, Slot)]?
    var array: [Slot]?

    init(_ value: JSONValue? = nil) { self.value = value }

    var resolved: JSONValue? {
        if let object {
            return .object(JSONObject(object.compactMap { key, slot in slot.resolved.map { (key, $0) } }))
        }
        if let array { return .array(array.map { $0.resolved ?? .null }) }
        return value
    }
}

private final class TreeEncoder: Encoder {
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    let root: Slot

    init(codingPath: [CodingKey], slot: Slot = Slot()) {
        self.codingPath = codingPath
        self.root = slot
    }


    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if root.object == nil { root.object = [] }
        return KeyedEncodingContainer(KeyedContainer<Key>(slot: root, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if root.array == nil { root.array = [] }
        return UnkeyedContainer(slot: root, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleContainer(slot: root, codingPath: codingPath)
    }
}

private func box<T: Encodable>(_ value: T, codingPath: [CodingKey]) throws -> Slot {
    switch value {
    case let v as String: return Slot(.string(v))
    case let v as Bool: return Slot(.bool(v))
    case let v as Int: return Slot(.number(JSONNumber(v)))
    case let v as Int8: return Slot(.number(JSONNumber(Int(v))))
    case let v as Int16: return Slot(.number(JSONNumber(Int(v))))
    case let v as Int32: return Slot(.number(JSONNumber(Int(v))))
    case let v as Int64: return Slot(.number(JSONNumber(Int(v))))
    case let v as UInt8: return Slot(.number(JSONNumber(Int(v))))
    case let v as UInt16: return Slot(.number(JSONNumber(Int(v))))
    case let v as UInt32: return Slot(.number(JSONNumber(Int(v))))
    case let v as UInt64:
        guard let n = JSONNumber(parsing: String(v)) else {
            throw EncodingError.invalidValue(v, .init(codingPath: codingPath, debugDescription: "\(v) is not a JSON number"))
        }
        return Slot(.number(n))
    case let v as UInt:
        guard let n = JSONNumber(parsing: String(v)) else {
            throw EncodingError.invalidValue(v, .init(codingPath: codingPath, debugDescription: "\(v) is not a JSON number"))
        }
        return Slot(.number(n))
    case let v as Float:
        guard let n = JSONNumber(Double(v)) else {
            throw EncodingError.invalidValue(v, .init(codingPath: codingPath, debugDescription: "\(v) is not a JSON number"))
        }
        return Slot(.number(n))
    case let v as Double:
        guard let n = JSONNumber(v) else {
            throw EncodingError.invalidValue(v, .init(codingPath: codingPath, debugDescription: "\(v) is not a JSON number"))
        }
        return Slot(.number(n))
    case let v as JSONValue: return Slot(v)
    default:
        let slot = Slot()
        try value.encode(to: TreeEncoder(codingPath: codingPath, slot: slot))
        return slot
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let codingPath: [CodingKey]

    private func set(_ key: Key, _ child: Slot) {
        if let index = slot.object!.firstIndex(where: { $0.0 == key.stringValue }) {
            slot.object![index].1 = child
        } else {
            slot.object!.append((key.stringValue, child))
        }
    }

    mutating func encodeNil(forKey key: Key) throws { set(key, Slot(.null)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(key, try box(value, codingPath: codingPath + [key]))
    }
    // Synthesised encoders call these for optionals: nil becomes null.
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try present(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try present(value, key) }
    private mutating func present<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> {
        let child = Slot()
        child.object = []
        set(key, child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(slot: child, codingPath: codingPath + [key]))
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let child = Slot()
        child.array = []
        set(key, child)
        return UnkeyedContainer(slot: child, codingPath: codingPath + [key])
    }
    mutating func superEncoder() -> Encoder { TreeEncoder(codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> Encoder {
        let child = Slot()
        set(key, child)
        return TreeEncoder(codingPath: codingPath + [key], slot: child)
    }
}

private struct IndexKey: CodingKey {
    var stringValue: String { "\(intValue!)" }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let slot: Slot
    let codingPath: [CodingKey]
    var count: Int { slot.array!.count }

    mutating func encodeNil() throws { slot.array!.append(Slot(.null)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        slot.array!.append(try box(value, codingPath: codingPath + [IndexKey(count)]))
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey> {
        let child = Slot()
        child.object = []
        slot.array!.append(child)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(slot: child, codingPath: codingPath + [IndexKey(count - 1)]))
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let child = Slot()
        child.array = []
        slot.array!.append(child)
        return UnkeyedContainer(slot: child, codingPath: codingPath + [IndexKey(count - 1)])
    }
    mutating func superEncoder() -> Encoder {
        let child = Slot()
        slot.array!.append(child)
        return TreeEncoder(codingPath: codingPath, slot: child)
    }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [CodingKey]
    mutating func encodeNil() throws { slot.value = .null }
    mutating func encode<T: Encodable>(_ value: T) throws {
        let boxed = try box(value, codingPath: codingPath)
        slot.value = boxed.value
        slot.object = boxed.object
        slot.array = boxed.array
    }
}
