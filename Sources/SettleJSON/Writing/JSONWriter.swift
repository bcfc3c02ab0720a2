/// Writes JSON byte for byte as the API's `JSONEncoder` does (keys in byte order, slashes as
/// they are, control characters escaped), for the answers of the busiest route: encoding the
/// validation report through `Encodable` cost about 7 us a request, twenty times this.
/// ``JSONWritable`` types write their members in sorted order themselves; a test holds every
/// one of them equal to `JSONEncoder`'s output.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    /// Nothing written yet at this level (no comma before the next member or element).
    private var atStart = true

    public init(capacity: Int = 512) { bytes.reserveCapacity(capacity) }

    public mutating func object(_ members: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        members(&self)
        close(UInt8(ascii: "}"))
    }

    public mutating func array<Elements: Sequence>(_ elements: Elements, _ element: (inout JSONWriter, Elements.Element) -> Void) {
        open(UInt8(ascii: "["))
        for value in elements { element(&self, value) }
        close(UInt8(ascii: "]"))
    }

    /// A member's name; its value is written next.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        atStart = true
    }

    /// A member's name known only at run time (escaped as a string is).
    public mutating func key(_ name: String) {
        string(name)
        bytes.append(UInt8(ascii: ":"))
        atStart = true
    }

    public mutating func string(_ text: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): escape(byte)
            case 0x08: escape(UInt8(ascii: "b"))
            case 0x09: escape(UInt8(ascii: "t"))
            case 0x0A: escape(UInt8(ascii: "n"))
            case 0x0C: escape(UInt8(ascii: "f"))
            case 0x0D: escape(UInt8(ascii: "r"))
            case ..<0x20:
                escape(UInt8(ascii: "u"))
                bytes.append(contentsOf: [UInt8(ascii: "0"), UInt8(ascii: "0"), Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        atStart = false
    }

    public mutating func integer(_ value: some BinaryInteger) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        atStart = false
    }

    /// A finite number (JSON has no infinities or NaN; the parser never makes them).
    public mutating func number(_ value: Double) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
        atStart = false
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: Array("null".utf8))
        atStart = false
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: value ? Array("true".utf8) : Array("false".utf8))
        atStart = false
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func escape(_ code: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(code)
    }

    private mutating func separate() {
        if !atStart { bytes.append(UInt8(ascii: ",")) }
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        atStart = true
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        atStart = false
    }
}
