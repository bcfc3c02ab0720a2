import Foundation

/// A parsed JSON text: the input bytes and one flat array of ``JSONNode``s (simdjson calls
/// this a tape). Reading a document through it makes no `String` for a member name and no
/// container per object: names are compared as bytes, and only the values a reader asks for
/// become Swift values. Immutable once parsed.
public final class JSONTape: @unchecked Sendable {
    // Both buffers are allocated here, written only in init and freed in deinit; raw buffers
    // rather than arrays because every member lookup walks them (no retain or bounds check).
    @usableFromInline let input: UnsafeBufferPointer<UInt8>
    @usableFromInline let nodes: UnsafeBufferPointer<JSONNode>
    let directory: UnsafeBufferPointer<KeyEntry>
    /// Strings that had escapes, already decoded.
    @usableFromInline let decoded: [String]
    /// Where the objects being read keep their slot tables (see ``slotTable(count:)``).
    private var slotChunks: [UnsafeMutableBufferPointer<Int32>] = []
    private var slotsUsed = 0

    /// Copies the input; takes ownership of `nodes` and `directory` (from ``TapeBuffer/take()``).
    init(input: UnsafeBufferPointer<UInt8>, nodes: UnsafeBufferPointer<JSONNode>, directory: UnsafeBufferPointer<KeyEntry>, decoded: [String]) {
        let inputCopy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, input.count))
        _ = inputCopy.initialize(from: input)
        self.input = UnsafeBufferPointer(rebasing: inputCopy[0..<input.count])
        self.nodes = nodes
        self.directory = directory
        self.decoded = decoded
    }

    deinit {
        UnsafeMutableRawPointer(mutating: input.baseAddress)?.deallocate()
        UnsafeMutableRawPointer(mutating: nodes.baseAddress)?.deallocate()
        UnsafeMutableRawPointer(mutating: directory.baseAddress)?.deallocate()
        for chunk in slotChunks { chunk.deallocate() }
    }

    /// A table of `count` slots, each -1, that lives as long as the tape: one object's index
    /// (``JSONObject/indexed(by:)``). Carved from chunks the tape owns, so indexing a hundred
    /// objects costs no hundred allocations. A tape is read by one reader at a time (one
    /// request's), which is what makes this mutation safe.
    func slotTable(count: Int) -> SlotTable {
        if slotChunks.isEmpty || slotsUsed + count > slotChunks[slotChunks.count - 1].count {
            slotChunks.append(.allocate(capacity: max(4096, count)))
            slotsUsed = 0
        }
        let table = slotChunks[slotChunks.count - 1].baseAddress! + slotsUsed
        table.initialize(repeating: -1, count: count)
        slotsUsed += count
        return SlotTable(table)
    }

    /// The root value.
    public var root: JSONElement { JSONElement(tape: self, index: 0) }

    /// The kind of the node at `index`.
    @inlinable @inline(__always) public func kind(at index: Int) -> JSONNode.Kind { nodes[index].kind }

    /// The value of the node at `index` when it is an exact 64-bit integer.
    @inlinable @inline(__always) public func integer(at index: Int) -> Int64? {
        let node = nodes[index]
        return node.kind == .integer ? Int64(bitPattern: node.payload) : nil
    }

    /// The value of the node at `index` when it is a number that is not an exact 64-bit integer.
    public func number(at index: Int) -> Double? {
        let node = nodes[index]
        return node.kind == .number ? Double(bitPattern: node.payload) : nil
    }

    /// The text of the string node at `index`.
    @inlinable public func string(at index: Int) -> String {
        let node = nodes[index]
        if node.decoded { return decoded[Int(node.start)] }
        return String(decoding: UnsafeBufferPointer(rebasing: input[Int(node.start)..<Int(node.start + node.length)]), as: UTF8.self)
    }

    /// Whether the string node at `index` is exactly `name` (a member name from the source).
    func string(at index: Int, equals name: StaticString, signature: KeySignature) -> Bool {
        let node = nodes[index]
        guard node.payload == UInt64(signature.bits) else { return false }
        guard !node.decoded, name.hasPointerRepresentation else { return string(at: index) == name.description }
        return sameBytes(node, name.utf8Start, count: name.utf8CodeUnitCount)
    }

    /// Whether the string nodes at `a` and `b` hold the same text.
    func strings(at a: Int, _ b: Int) -> Bool {
        let (first, second) = (nodes[a], nodes[b])
        guard first.payload == second.payload else { return false }
        if first.decoded || second.decoded { return string(at: a) == string(at: b) }
        return sameBytes(second, input.baseAddress! + Int(first.start), count: Int(first.length))
    }

    /// The member names of the object at `object`, in document order.
    func keys(of object: Int) -> UnsafeBufferPointer<KeyEntry> {
        let node = nodes[object]
        return UnsafeBufferPointer(rebasing: directory[Int(node.start)..<Int(node.start + node.length)])
    }

    /// The value node of the member of the object at `object` named `name`, if there is one.
    @usableFromInline func member(of object: Int, named name: StaticString) -> Int? {
        let signature = KeySignature(name)
        guard nodes[object].payload & signature.maskBit != 0 else { return nil }
        for entry in keys(of: object) where entry.signature == signature.bits {
            if string(at: Int(entry.node), equals: name, signature: signature) { return Int(entry.node) + 1 }
        }
        return nil
    }

    /// Compares an undecoded string node's bytes with `count` bytes at `text` (memcmp).
    private func sameBytes(_ node: JSONNode, _ text: UnsafePointer<UInt8>, count: Int) -> Bool {
        Int(node.length) == count && memcmp(input.baseAddress! + Int(node.start), text, count) == 0
    }
}
