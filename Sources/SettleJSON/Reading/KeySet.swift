#if canImport(Glibc)
import Glibc
#endif

/// The member names an object of the document may have, each with a slot (its index here).
///
/// An object is read by first giving each of its members the slot of its name (one hash probe
/// and one byte compare per member, see ``DocumentObject/reading(_:_:)``); after that each
/// accessor finds its member through the slot of the name it asks for, by signature alone.
/// Searching the object's members and comparing bytes on every lookup cost about 15 ns each,
/// and an object of a business document may ask for forty.
///
/// Key sets are static tables, one per reader: their storage is allocated once and never
/// freed, so copying a set counts no references (arrays here had their shared reference
/// counts changed by every request's thread).
public struct KeySet: ExpressibleByArrayLiteral, @unchecked Sendable {
    /// The set's tables, behind one pointer so that a set (and an object indexed by it) copies
    /// as one word: objects are copied often while a document is read.
    @usableFromInline struct Tables {
        @usableFromInline let entries: UnsafeBufferPointer<StaticString>
        @usableFromInline let signatures: UnsafeBufferPointer<UInt32>
        /// Open addressing on the signature: each cell holds a slot + 1, or 0 when empty.
        @usableFromInline let table: UnsafeBufferPointer<UInt8>
        @usableFromInline let shift: UInt64
        /// Whether two names share a signature (the bytes then decide every lookup;
        /// `categoryCode` and `currencyCode` do).
        @usableFromInline let hasTwins: Bool
    }

    @usableFromInline let tables: UnsafePointer<Tables>

    @inlinable var entries: UnsafeBufferPointer<StaticString> { tables.pointee.entries }
    @inlinable var signatures: UnsafeBufferPointer<UInt32> { tables.pointee.signatures }
    @inlinable var table: UnsafeBufferPointer<UInt8> { tables.pointee.table }
    @inlinable var shift: UInt64 { tables.pointee.shift }
    @inlinable var hasTwins: Bool { tables.pointee.hasTwins }

    public init(arrayLiteral names: StaticString...) { self.init(names) }

    /// A set of `names`, for sets built from other lists.
    public init(_ names: [StaticString]) {
        precondition(names.count < 255, "a key set holds at most 254 names")
        let signatures = names.map { KeySignature($0).bits }
        // At most a quarter full, so a probe nearly always ends at its first cell.
        var bits = 2
        while 1 << bits < names.count * 4 { bits += 1 }
        let shift = UInt64(64 - bits)
        var table = [UInt8](repeating: 0, count: 1 << bits)
        for (slot, signature) in signatures.enumerated() {
            var cell = Self.cell(signature, shift)
            while table[cell] != 0 { cell = (cell + 1) & (table.count - 1) }
            table[cell] = UInt8(slot + 1)
        }
        let tables = UnsafeMutablePointer<Tables>.allocate(capacity: 1)
        tables.initialize(
            to: Tables(
                entries: Self.permanent(names), signatures: Self.permanent(signatures), table: Self.permanent(table), shift: shift,
                hasTwins: Set(signatures).count != signatures.count))
        self.tables = UnsafePointer(tables)
    }

    /// How many names (and so slots) there are.
    public var count: Int { entries.count }

    /// The slot of a member name still held as bytes in the document, or nil when the set does
    /// not have it. `matches` compares a candidate's bytes with the member's.
    @usableFromInline func slot(signature: UInt32, where matches: (StaticString) -> Bool) -> Int? {
        var cell = Self.cell(signature, shift)
        while table[cell] != 0 {
            let slot = Int(table[cell]) - 1
            if signatures[slot] == signature && matches(entries[slot]) { return slot }
            cell = (cell + 1) & (table.count - 1)
        }
        return nil
    }

    /// The slot of a name written in a reader, which must be one of the set's names.
    /// Inlined: a reader makes one of these lookups per field.
    @inlinable @inline(__always) public func slot(of name: StaticString) -> Int? {
        let signature = KeySignature(name).bits
        guard !hasTwins else { return slot(signature: signature) { Self.same($0, name) } }
        var cell = Self.cell(signature, shift)
        while table[cell] != 0 {
            let slot = Int(table[cell]) - 1
            if signatures[slot] == signature {
                assert(entries[slot].description == name.description, "\(name) is not in this key set")
                return slot
            }
            cell = (cell + 1) & (table.count - 1)
        }
        assertionFailure("\(name) is not in this key set")
        return nil
    }

    /// The names, for comparing with the API description.
    public var names: Set<String> { Set(entries.map(\.description)) }

    @inlinable @inline(__always) static func cell(_ signature: UInt32, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (UInt64(signature) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @usableFromInline static func same(_ a: StaticString, _ b: StaticString) -> Bool {
        a.utf8CodeUnitCount == b.utf8CodeUnitCount && (a.utf8Start == b.utf8Start || memcmp(a.utf8Start, b.utf8Start, a.utf8CodeUnitCount) == 0)
    }

    private static func permanent<Element>(_ elements: [Element]) -> UnsafeBufferPointer<Element> {
        let storage = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, elements.count))
        _ = storage.initialize(from: elements)
        return UnsafeBufferPointer(rebasing: storage[0..<elements.count])
    }
}
