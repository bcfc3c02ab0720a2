import Foundation
import SettleJSON

/// The example documents edited as the input says, then held to ``DocumentTarget``'s invariant.
/// Byte mutation alone seldom gets past the JSON syntax and the first invalid field; edits of
/// valid documents reach every rule (numbers at their limits, members gone, groups added).
enum DocumentStructureTarget {
    /// The examples of the repository, parsed once.
    static let examples: [JSONValue] = {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../examples").standardized
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }.compactMap { file in
            (try? Data(contentsOf: file)).flatMap { try? JSONValue(parsing: $0) }
        }
    }()

    /// Values at the limits of what the rules and the arithmetic take.
    static let palette: [JSONValue] = [
        .integer(0), .integer(-1), .integer(1), .integer(Int64.max), .integer(Int64.min), .integer(99_999_999), .integer(999_999_999_999),
        .integer(1 << 53), .integer(Int64(Int32.max) + 1), .number(1e308), .number(-0.0), .number(0.5), .string(""),
        .string(String(repeating: "A", count: 300)), .string(String(repeating: "9", count: 25)), .string("4111111111111111"),
        .string("2026-02-30"), .string("é\u{7F}"), .null, .bool(true), .array([]), .object([]),
    ]

    static func run(_ input: [UInt8]) -> FuzzFailure? {
        guard !examples.isEmpty else { return FuzzFailure("no example documents", "examples/ was not found") }
        return DocumentTarget.run(document(input))
    }

    /// The document `input` makes of the examples (what `settle-fuzz document-structure --show` prints).
    static func document(_ input: [UInt8]) -> [UInt8] {
        guard !examples.isEmpty else { return [] }
        var bytes = FuzzBytes(input)
        var document = examples[bytes.next(below: examples.count)]
        for _ in 0...bytes.next(below: 4) {
            let paths = Self.paths(in: document)
            let path = paths[bytes.next(below: paths.count)]
            switch bytes.next(below: 4) {
            case 0: document = replacing(document, at: path, with: palette[bytes.next(below: palette.count)])
            case 1: document = replacing(document, at: path, with: nil)
            case 2:
                // A value from another example where this one has one: a group another industry uses.
                let other = examples[bytes.next(below: examples.count)]
                let donors = Self.paths(in: other)
                if let value = value(in: other, at: donors[bytes.next(below: donors.count)]) { document = replacing(document, at: path, with: value) }
            default:
                // An array element repeated, an integer nudged by one.
                if case .integer(let number)? = value(in: document, at: path) {
                    document = replacing(document, at: path, with: .integer(bytes.next(below: 2) == 0 ? number &+ 1 : number &- 1))
                } else if case .array(let elements)? = value(in: document, at: path), let first = elements.first {
                    document = replacing(document, at: path, with: .array(elements + Array(repeating: first, count: 1 + bytes.next(below: 3))))
                }
            }
        }
        return JSONText.bytes(of: document)
    }

    /// A step into an object (by key) or an array (by index).
    enum Step: Hashable {
        case key(String)
        case index(Int)
    }

    /// Every node's path, the root's first.
    static func paths(in value: JSONValue, at prefix: [Step] = []) -> [[Step]] {
        var paths = [prefix]
        switch value {
        case .object(let members): for member in members { paths += Self.paths(in: member.value, at: prefix + [.key(member.key)]) }
        case .array(let elements): for (index, element) in elements.enumerated() { paths += Self.paths(in: element, at: prefix + [.index(index)]) }
        default: break
        }
        return paths
    }

    static func value(in root: JSONValue, at path: [Step]) -> JSONValue? {
        guard let step = path.first else { return root }
        switch (root, step) {
        case (.object(let members), .key(let key)):
            return members.first { $0.key == key }.flatMap { value(in: $0.value, at: Array(path.dropFirst())) }
        case (.array(let elements), .index(let index)) where elements.indices.contains(index):
            return value(in: elements[index], at: Array(path.dropFirst()))
        default: return nil
        }
    }

    /// `root` with the node at `path` replaced by `new`, or removed when `new` is nil (the root
    /// itself is never removed).
    static func replacing(_ root: JSONValue, at path: [Step], with new: JSONValue?) -> JSONValue {
        guard let step = path.first else { return new ?? root }
        let rest = Array(path.dropFirst())
        switch (root, step) {
        case (.object(var members), .key(let key)):
            guard let index = members.firstIndex(where: { $0.key == key }) else { return root }
            if rest.isEmpty && new == nil {
                members.remove(at: index)
            } else {
                members[index].value = replacing(members[index].value, at: rest, with: new)
            }
            return .object(members)
        case (.array(var elements), .index(let index)) where elements.indices.contains(index):
            if rest.isEmpty && new == nil {
                elements.remove(at: index)
            } else {
                elements[index] = replacing(elements[index], at: rest, with: new)
            }
            return .array(elements)
        default: return root
        }
    }
}

/// The input read as a source of choices.
struct FuzzBytes {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// A number below `bound` (> 0) from the next two bytes; zero once the input is used up.
    mutating func next(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        var value = 0
        for _ in 0..<2 where offset < bytes.count {
            value = value << 8 | Int(bytes[offset])
            offset += 1
        }
        return value % bound
    }
}
