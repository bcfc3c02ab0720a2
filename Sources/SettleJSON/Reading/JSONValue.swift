import Foundation

/// Any JSON value, decoded without a schema so that a document can be checked
/// field by field with every problem reported (a typed `Decodable` stops at the first).
/// Read by ``JSONParser``.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number that is an exact integer.
    case integer(Int64)
    /// Any other number (fractions, exponents, integers beyond 64 bits).
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Members in document order; duplicate keys are kept so they can be rejected.
    case object([(key: String, value: JSONValue)])

    /// Parses a JSON text strictly (RFC 8259), keeping duplicate member names.
    public init(parsing data: some ContiguousBytes) throws(JSONSyntaxError) {
        self = try JSONParser.parse(data).root.materialized
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.integer(let a), .integer(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        default: false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0)
        case .bool(let value): hasher.combine(value)
        case .integer(let value): hasher.combine(value)
        case .number(let value): hasher.combine(value)
        case .string(let value): hasher.combine(value)
        case .array(let value): hasher.combine(value)
        case .object(let members):
            for member in members {
                hasher.combine(member.key)
                hasher.combine(member.value)
            }
        }
    }

    /// The JSON type name, for error messages.
    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
