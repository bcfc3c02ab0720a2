import Foundation

/// A parsed JSON text: the input bytes and one flat array of ``JSONNode``s (simdjson calls
/// this a tape). Reading a settlement through it makes no `String` for a member name and no
/// container per object: names are compared as bytes, and only the values a reader asks for
/// become Swift values. Immutable once parsed.
final class JSONTape: Sendable {
    let input: [UInt8]
    let nodes: [JSONNode]
    /// Strings that had escapes, already decoded.
    let decoded: [String]

    init(input: [UInt8], nodes: [JSONNode], decoded: [String]) {
        self.input = input
        self.nodes = nodes
        self.decoded = decoded
    }

    /// The root value.
    var root: JSONElement { JSONElement(tape: self, index: 0) }

    /// The text of the string node at `index`.
    func string(at index: Int) -> String {
        let node = nodes[index]
        if node.decoded { return decoded[Int(node.start)] }
        return input.withUnsafeBufferPointer { bytes in
            String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(node.start)..<Int(node.start + node.length)]), as: UTF8.self)
        }
    }

    /// Whether the string node at `index` is exactly `key`; `signature` is the key's.
    func string(at index: Int, equals key: String, signature: KeySignature) -> Bool {
        let node = nodes[index]
        guard node.payload == UInt64(signature.bits) else { return false }
        if node.decoded { return decoded[Int(node.start)] == key }
        return key.utf8.withContiguousStorageIfAvailable { name in sameBytes(node, name) } ?? (string(at: index) == key)
    }

    /// Whether the string node at `index` is exactly `name` (a member name from the source).
    func string(at index: Int, equals name: StaticString, signature: KeySignature) -> Bool {
        let node = nodes[index]
        guard node.payload == UInt64(signature.bits) else { return false }
        guard !node.decoded, name.hasPointerRepresentation else { return string(at: index) == name.description }
        return sameBytes(node, UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    /// Whether the string nodes at `a` and `b` hold the same text.
    func strings(at a: Int, _ b: Int) -> Bool {
        let (first, second) = (nodes[a], nodes[b])
        guard first.payload == second.payload else { return false }
        if first.decoded || second.decoded { return string(at: a) == string(at: b) }
        return input.withUnsafeBufferPointer { sameBytes(second, UnsafeBufferPointer(rebasing: $0[Int(first.start)..<Int(first.start + first.length)])) }
    }

    /// The value node of the member of the object at `object` named `name`, if there is one.
    func member(of object: Int, named name: StaticString) -> Int? {
        let signature = KeySignature(name)
        return nodes.withUnsafeBufferPointer { nodes -> Int? in
            guard nodes[object].payload & signature.maskBit != 0 else { return nil }
            var index = object + 1
            for _ in 0..<nodes[object].length {
                if nodes[index].payload == UInt64(signature.bits), string(at: index, equals: name, signature: signature) { return index + 1 }
                index = Int(nodes[index + 1].end)
            }
            return nil
        }
    }

    /// Compares an undecoded string node's bytes with `text` (memcmp, not a generic loop).
    private func sameBytes(_ node: JSONNode, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard Int(node.length) == text.count else { return false }
        return input.withUnsafeBufferPointer { bytes in
            memcmp(bytes.baseAddress! + Int(node.start), text.baseAddress!, text.count) == 0
        }
    }
}
