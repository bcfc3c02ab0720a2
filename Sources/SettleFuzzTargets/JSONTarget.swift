import SettleJSON

/// What the JSON parser accepts, written back by ``JSONWriter``, parses to the same value.
enum JSONTarget {
    static func run(_ bytes: [UInt8]) -> FuzzFailure? {
        guard let value = try? JSONValue(parsing: bytes) else { return nil }
        let written = JSONText.bytes(of: value)
        let again: JSONValue
        do {
            again = try JSONValue(parsing: written)
        } catch {
            return FuzzFailure(
                "what the parser read, written back, does not parse", "\(error): \(String(decoding: written.prefix(200), as: UTF8.self))")
        }
        guard JSONText.same(value, again) else {
            return FuzzFailure("what the parser read, written back, parses to another value", String(decoding: written.prefix(200), as: UTF8.self))
        }
        return nil
    }
}

/// JSON values written with the service's own writer, and compared (numbers to their precision).
enum JSONText {
    static func bytes(of value: JSONValue) -> [UInt8] {
        var writer = JSONWriter()
        write(value, &writer)
        return writer.bytes
    }

    private static func write(_ value: JSONValue, _ writer: inout JSONWriter) {
        switch value {
        case .null: writer.null()
        case .bool(let flag): writer.bool(flag)
        case .integer(let number): writer.integer(number)
        case .number(let number): writer.number(number)
        case .string(let text): writer.string(text)
        case .array(let elements): writer.array(elements) { writer, element in write(element, &writer) }
        case .object(let members):
            writer.object { writer in
                for member in members {
                    writer.key(member.key)
                    write(member.value, &writer)
                }
            }
        }
    }

    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): x == y || abs(x - y) <= abs(x) * 1e-15
        case (.number(let x), .integer(let y)), (.integer(let y), .number(let x)): x == Double(y)
        case (.array(let x), .array(let y)): x.count == y.count && zip(x, y).allSatisfy(same)
        case (.object(let x), .object(let y)):
            x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && same($0.value, $1.value) }
        default: a == b
        }
    }
}
