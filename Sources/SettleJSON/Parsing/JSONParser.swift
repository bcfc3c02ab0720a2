import Foundation

/// A strict RFC 8259 parser from UTF-8 bytes to a ``JSONTape``.
///
/// Ours rather than `JSONDecoder` because the documents it serves are read schema-free (so
/// every problem can be reported at once), and decoding a generic value through `Decodable` probes
/// each value with failing container requests: profiling showed that bookkeeping costing more
/// than the whole engine. Being ours also lets it keep duplicate keys (so they can be
/// rejected), say where a syntax error is, and produce a flat tape instead of a tree.
///
/// The small steps of the grammar (strings, separators, whitespace, leaves) are inlined: the
/// parser is bound by its work per token, and the calls to them were a quarter of parsing a
/// 100-record document (57 → 41 µs).
public struct JSONParser: ~Copyable {
    /// Deeper nesting is refused rather than risking the stack (a limit: the documents read here nest about 5 deep).
    public static let maximumDepth = 64

    // Internal rather than private so the extensions in the neighbouring files can use them.
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0
    var nodes: TapeBuffer<JSONNode>
    var decoded: [String] = []
    /// Every object's member names, each object's together (see ``KeyEntry``).
    var directory: TapeBuffer<KeyEntry>
    /// Names of the objects still open, innermost last; moved to `directory` as each closes.
    private var pendingKeys = TapeBuffer<KeyEntry>(capacity: 64)

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        // About one node per 12 bytes of a typical business document, and a name per two nodes.
        nodes = TapeBuffer(capacity: bytes.count / 12 + 4)
        directory = TapeBuffer(capacity: bytes.count / 24 + 4)
    }

    /// Parses exactly one JSON text; surrounding whitespace and a leading UTF-8 byte order mark
    /// (which RFC 8259 lets a parser ignore) are allowed, anything else after the value is not.
    public static func parse(_ data: some ContiguousBytes) throws(JSONSyntaxError) -> JSONTape {
        let result: Result<JSONTape, JSONSyntaxError> = data.withUnsafeBytes { raw in
            var parser = JSONParser(raw.bindMemory(to: UInt8.self))
            do throws(JSONSyntaxError) {
                try parser.document()
            } catch {
                return .failure(error)
            }
            return .success(parser.tape())
        }
        return try result.get()
    }

    /// The parsed document; the tape takes the parser's buffers.
    private consuming func tape() -> JSONTape {
        JSONTape(input: bytes, nodes: nodes.take(), directory: directory.take(), decoded: decoded)
    }

    private mutating func document() throws(JSONSyntaxError) {
        guard bytes.count < Int(Int32.max) else { throw JSONSyntaxError(offset: 0, reason: "the text is 2 GiB or more", isLimit: true) }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
        try value()
        skipWhitespace()
        guard index == bytes.count else { throw fail("unexpected data after the JSON value") }
    }

    mutating func value() throws(JSONSyntaxError) {
        skipWhitespace()
        guard index < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): try object()
        case UInt8(ascii: "["): try array()
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "t"): try literal("true", .true)
        case UInt8(ascii: "f"): try literal("false", .false)
        case UInt8(ascii: "n"): try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw fail("unexpected character")
        }
    }

    private mutating func object() throws(JSONSyntaxError) {
        let at = try enter(.object)
        var count: Int32 = 0
        var mask: UInt64 = 0
        let firstPending = pendingKeys.count
        if !(try closes(UInt8(ascii: "}"))) {
            repeat {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a member name in quotes") }
                let keyNode = Int32(nodes.count)
                let signature = KeySignature(bits: UInt32(truncatingIfNeeded: try string()))
                pendingKeys.append(KeyEntry(signature: signature.bits, node: keyNode))
                mask |= signature.maskBit
                skipWhitespace()
                try expect(UInt8(ascii: ":"), "expected ':' after a member name")
                try value()
                count += 1
            } while try separator(closing: UInt8(ascii: "}"))
        }
        finish(at, count: count, payload: mask)
        nodes[at].start = Int32(directory.count)
        pendingKeys.move(from: firstPending, to: &directory)
    }

    private mutating func array() throws(JSONSyntaxError) {
        let at = try enter(.array)
        var count: Int32 = 0
        if !(try closes(UInt8(ascii: "]"))) {
            repeat {
                try value()
                count += 1
            } while try separator(closing: UInt8(ascii: "]"))
        }
        finish(at, count: count, payload: 0)
    }

    /// Steps over the opening bracket, counting depth; returns the container's node index.
    @inline(__always) private mutating func enter(_ kind: JSONNode.Kind) throws(JSONSyntaxError) -> Int {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw JSONSyntaxError(offset: index, reason: "nesting deeper than \(Self.maximumDepth) levels", isLimit: true)
        }
        index += 1
        nodes.append(JSONNode(kind: kind))
        return nodes.count - 1
    }

    @inline(__always) private mutating func finish(_ at: Int, count: Int32, payload: UInt64) {
        depth -= 1
        nodes[at].length = count
        nodes[at].end = Int32(nodes.count)
        nodes[at].payload = payload
    }

    /// True (and the bracket consumed) when the container is empty.
    @inline(__always) private mutating func closes(_ closing: UInt8) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == closing else { return false }
        index += 1
        return true
    }

    /// After an element: true for `,` (another follows), false for the closing bracket.
    @inline(__always) private mutating func separator(closing: UInt8) throws(JSONSyntaxError) -> Bool {
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

    /// Appends a leaf node (its `end` is the next index).
    @inline(__always) mutating func leaf(_ node: JSONNode) {
        var node = node
        node.end = Int32(nodes.count + 1)
        nodes.append(node)
    }
}
