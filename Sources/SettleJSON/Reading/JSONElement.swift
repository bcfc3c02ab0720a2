/// A value inside a ``JSONTape``: where a reader holds on to a part of the document.
public struct JSONElement {
    public let tape: JSONTape
    public let index: Int

    @inlinable public init(tape: JSONTape, index: Int) {
        self.tape = tape
        self.index = index
    }

    @inlinable var node: JSONNode { tape.nodes[index] }

    @inlinable public var kind: JSONNode.Kind { node.kind }

    @inlinable public var isNull: Bool { kind == .null }

    /// The text, when this is a string.
    public var string: String? { kind == .string ? tape.string(at: index) : nil }

    /// The value, when this is a number that is an exact 64-bit integer.
    public var integer: Int64? { kind == .integer ? Int64(bitPattern: node.payload) : nil }

    /// The elements, when this is an array.
    public var elements: [JSONElement]? {
        guard kind == .array else { return nil }
        var result: [JSONElement] = []
        result.reserveCapacity(Int(node.length))
        var child = index + 1
        for _ in 0..<node.length {
            result.append(JSONElement(tape: tape, index: child))
            child = Int(tape.nodes[child].end)
        }
        return result
    }

    /// The JSON type name, for error messages.
    public var typeName: String {
        switch kind {
        case .null: "null"
        case .true, .false: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// The value itself for a scalar; an empty array or object for a container (enough to
    /// switch on, or to name its type, without copying its contents).
    public var scalar: JSONValue {
        switch kind {
        case .array: .array([])
        case .object: .object([])
        default: materialized
        }
    }

    /// The value as a self-contained tree.
    public var materialized: JSONValue {
        let node = self.node
        switch node.kind {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .integer: return .integer(Int64(bitPattern: node.payload))
        case .number: return .number(Double(bitPattern: node.payload))
        case .string: return .string(tape.string(at: index))
        case .array: return .array(elements?.map(\.materialized) ?? [])
        case .object:
            var members: [(key: String, value: JSONValue)] = []
            var key = index + 1
            for _ in 0..<node.length {
                members.append((tape.string(at: key), JSONElement(tape: tape, index: key + 1).materialized))
                key = Int(tape.nodes[key + 1].end)
            }
            return .object(members)
        }
    }
}
