// An ordered JSON object.

/// A JSON object whose members keep the order in which they were parsed or inserted; keys are unique.
/// Equality and hashing ignore member order (`{"a":1,"b":2} == {"b":2,"a":1}`), as JSON means it;
/// keys (like all JSON strings) compare by code points, not by Unicode canonical equivalence.
public struct JSONObject: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    public typealias Member = (key: String, value: JSONValue)
    public typealias Index = Int

    /// Members in order.
    public private(set) var members: [Member]
    /// Key to position, kept only for larger objects (small ones are searched linearly).
    private var positions: [ExactString: Int]?

    /// Objects with more members than this get a key index.
    static let indexThreshold = 12

    /// An empty object.
    public init() { members = [] }

    /// An object with `members` in the given order; a later duplicate key replaces the earlier value in place.
    public init(_ members: some Sequence<(String, JSONValue)>) {
        self.members = []
        for (key, value) in members { self[key] = value }
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }

    /// Builds an object from members known to have distinct keys (the parser checks as it goes).
    init(uniqueMembers: [Member]) {
        members = uniqueMembers
        if members.count > JSONObject.indexThreshold { rebuildIndex() }
    }

    private mutating func rebuildIndex() {
        var index = [ExactString: Int](minimumCapacity: members.count)
        for (position, member) in members.enumerated() { index[ExactString(member.key)] = position }
        positions = index
    }

    // MARK: Collection

    public var startIndex: Int { 0 }
    public var endIndex: Int { members.count }
    public subscript(position: Int) -> Member { members[position] }

    /// Keys in order.
    public var keys: [String] { members.map(\.key) }
    /// Values in key order.
    public var values: [JSONValue] { members.map(\.value) }

    /// Position of `key`, if present.
    public func position(of key: String) -> Int? {
        if let positions { return positions[ExactString(key)] }
        for (position, member) in members.enumerated() where exactlyEqual(member.key, key) { return position }
        return nil
    }

    /// `position(of:)`, scanning small objects from `hint` around: callers looking up keys in the
    /// order they usually appear find each at the first try.
    func position(of key: String, hint: Int) -> Int? {
        if let positions { return positions[ExactString(key)] }
        let length = key.utf8.count
        return firstPosition(of: members.count, from: hint) { position in
            let candidate = members[position].key
            return candidate.utf8.count == length && exactlyEqual(candidate, key)
        }
    }

    /// True when `key` is a member.
    public func contains(key: String) -> Bool { position(of: key) != nil }

    /// The value for `key`; setting appends a new key at the end, replaces an existing value in place,
    /// and `nil` removes the member.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { members[$0].value } }
        set {
            if let position = position(of: key) {
                if let newValue {
                    members[position].value = newValue
                } else {
                    members.remove(at: position)
                    if positions != nil { rebuildIndex() }
                }
            } else if let newValue {
                members.append((key, newValue))
                if positions != nil {
                    positions![ExactString(key)] = members.count - 1
                } else if members.count > JSONObject.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    /// The same members ordered by key, comparing keys by their UTF-8 bytes.
    public func sortedByKey() -> JSONObject {
        JSONObject(uniqueMembers: members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) })
    }

    // MARK: Equatable, Hashable (order-insensitive)

    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        for member in lhs.members {
            guard let other = rhs[member.key], other == member.value else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for member in members {
            var memberHasher = Hasher()
            hashExactly(member.key, into: &memberHasher)
            memberHasher.combine(member.value)
            combined = combined &+ memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(combined)
    }
}
