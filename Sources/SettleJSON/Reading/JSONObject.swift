/// One object of a parsed document, read by the names its reader expects.
///
/// ``indexed(by:)`` gives each member the slot of its name in a ``KeySet`` (one hash probe and
/// one byte compare per member); after that a lookup finds its member through the slot of the
/// name asked for, by signature alone. Searching the members and comparing bytes on every
/// lookup cost about 15 ns each. Before indexing (or without it) a lookup tests the object's
/// mask of ``KeySignature``s, then compares bytes.
public struct JSONObject {
    public let element: JSONElement
    // A word each: a reader copies its objects often, and a copy is then one retain and a
    // few words (with the key set's tables inline, every copy was an outlined call, 3% of
    // reading a document).
    @usableFromInline var keys: KeySet?
    @usableFromInline var slots = SlotTable(nil)

    /// The object at `element`; nil when the value is not an object.
    public init?(_ element: JSONElement) {
        guard element.kind == .object else { return nil }
        self.element = element
    }

    @inlinable public var tape: JSONTape { element.tape }

    /// The names given more than once, one entry for each repeat, in document order.
    public var repeatedNames: [String] {
        let tape = element.tape
        let keys = tape.keys(of: element.index)
        var repeated: [String] = []
        var seen: UInt64 = 0
        for (position, entry) in keys.enumerated() {
            // Only a name whose mask bit an earlier name set can be a repeat.
            let bit = KeySignature(bits: entry.signature).maskBit
            defer { seen |= bit }
            guard seen & bit != 0 else { continue }
            if keys[..<position].contains(where: { $0.signature == entry.signature && tape.strings(at: Int($0.node), Int(entry.node)) }) {
                repeated.append(tape.string(at: Int(entry.node)))
            }
        }
        return repeated
    }

    /// This object indexed by the names it may have, and the names of its members that are not
    /// among them (in document order). A null member counts as not given; of a repeated name,
    /// the first is read.
    public func indexed(by allowed: KeySet) -> (object: JSONObject, unknownNames: [String]) {
        let tape = element.tape
        let slots = tape.slotTable(count: allowed.count)
        var unknown: [String] = []
        for entry in tape.keys(of: element.index) {
            let (index, signature) = (Int(entry.node), KeySignature(bits: entry.signature))
            if let slot = allowed.slot(signature: entry.signature, where: { tape.string(at: index, equals: $0, signature: signature) }) {
                // The neighbouring value node is in hand here, so a null is cheaper to rule
                // out now than at every lookup.
                if slots[slot] < 0 && tape.kind(at: index + 1) != .null { slots[slot] = entry.node + 1 }
                continue
            }
            unknown.append(tape.string(at: index))
        }
        var indexed = self
        indexed.keys = allowed
        indexed.slots = slots
        return (indexed, unknown)
    }

    /// The tape index of the member's value; nil when it is absent or null. Typed reads go
    /// through the tape with this, making no ``JSONElement`` (each counts a reference to the
    /// tape, which cost more than the lookup itself).
    @inlinable public func member(_ key: StaticString) -> Int? {
        if let keys {
            return keys.slot(of: key).flatMap { slots[$0] < 0 ? nil : Int(slots[$0]) }
        }
        guard let index = element.tape.member(of: element.index, named: key), element.tape.kind(at: index) != .null else { return nil }
        return index
    }

    @inlinable public func has(_ key: StaticString) -> Bool { member(key) != nil }

    /// The member's value; nil when it is absent or null (null means "not given").
    @inlinable public func value(_ key: StaticString) -> JSONElement? {
        member(key).map { JSONElement(tape: element.tape, index: $0) }
    }
}
