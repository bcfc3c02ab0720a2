import Foundation

/// A strict RFC 8259 parser from UTF-8 bytes to ``JSONValue``.
///
/// Ours rather than `JSONDecoder` because a settlement document is read schema-free (so every
/// problem can be reported at once), and decoding `JSONValue` through `Decodable` probes each
/// value with failing container requests: profiling showed that bookkeeping costing more than
/// the whole engine. Being ours also lets it keep duplicate keys (so they can be rejected) and
/// say where a syntax error is.
struct JSONParser {
    /// Deeper nesting is refused rather than risking the stack (a settlement needs about 5).
    static let maximumDepth = 64

    // Internal rather than private so the extensions in the neighbouring files can step the cursor.
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses exactly one JSON text; surrounding whitespace and a leading UTF-8 byte order mark
    /// (which RFC 8259 lets a parser ignore) are allowed, anything else after the value is not.
    static func parse(_ data: some ContiguousBytes) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONSyntaxError> = data.withUnsafeBytes { raw in
            var parser = JSONParser(raw.bindMemory(to: UInt8.self))
            return Result { () throws(JSONSyntaxError) in try parser.document() }
        }
        return try result.get()
    }

    private mutating func document() throws(JSONSyntaxError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        let value = try value()
        skipWhitespace()
        guard index == bytes.count else { throw fail("unexpected data after the JSON value") }
        return value
    }

    mutating func value() throws(JSONSyntaxError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail("unexpected character")
        }
    }

    private mutating func object() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        var members: [(key: String, value: JSONValue)] = []
        members.reserveCapacity(16)  // one allocation for a typical record instead of five growths
        if try closes(UInt8(ascii: "}")) { return .object(members) }
        repeat {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a member name in quotes") }
            let key = try string()
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "expected ':' after a member name")
            members.append((key, try value()))
        } while try separator(closing: UInt8(ascii: "}"))
        depth -= 1
        return .object(members)
    }

    private mutating func array() throws(JSONSyntaxError) -> JSONValue {
        try enter()
        var elements: [JSONValue] = []
        elements.reserveCapacity(8)
        if try closes(UInt8(ascii: "]")) { return .array(elements) }
        repeat {
            elements.append(try value())
        } while try separator(closing: UInt8(ascii: "]"))
        depth -= 1
        return .array(elements)
    }

    /// Steps over the opening bracket, counting depth.
    private mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw fail("nesting deeper than \(Self.maximumDepth) levels") }
        index += 1
    }

    /// True (and the container finished) when the container is empty.
    private mutating func closes(_ closing: UInt8) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == closing else { return false }
        index += 1
        depth -= 1
        return true
    }

    /// After an element: true for `,` (another follows), false for the closing bracket.
    private mutating func separator(closing: UInt8) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw fail("unexpected end of input") }
        if bytes[index] == UInt8(ascii: ",") {
            index += 1
            return true
        }
        guard bytes[index] == closing else { throw fail("expected ',' or '\(Character(Unicode.Scalar(closing)))'") }
        index += 1
        return false
    }
}
