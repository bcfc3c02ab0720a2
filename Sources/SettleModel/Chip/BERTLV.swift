/// ICC data as an EMV terminal or an authorization returns it: a list of BER-TLV data objects
/// (tag, length, value) written as hexadecimal, read strictly.
///
/// Tags are one to three bytes (a first byte whose low five bits are all set announces more;
/// each further byte with its high bit set announces another). Lengths are definite: one byte
/// below 0x80, or 0x81 / 0x82 followed by one or two bytes. Anything else (a character that is
/// not a hex digit, an odd number of them, a tag or length cut short, a length running past the
/// data, the indefinite form, a length over 0xFFFF) is a ``Failure`` that says where it was
/// found; nothing in it can trap, whatever the input. Constructed objects (templates) are kept
/// whole as their value: chip data for settlement is a flat list.
public enum BERTLV {
    /// One data object.
    public struct Element: Sendable, Hashable {
        /// The tag's bytes as a number (`0x9F26` for tag 9F26).
        public var tag: UInt32
        public var value: [UInt8]

        public init(tag: UInt32, value: [UInt8]) {
            self.tag = tag
            self.value = value
        }

        /// The tag as EMV writes it: `9F26`.
        public var tagHex: String {
            var digits = String(tag, radix: 16, uppercase: true)
            if !digits.count.isMultiple(of: 2) { digits = "0" + digits }
            return digits
        }
    }

    /// Why a text is not ICC data; `offset` counts hexadecimal characters from the start.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var offset: Int
        public var reason: String

        public var description: String { "\(reason) at character \(offset)" }
    }

    /// The most bytes ICC data may hold here (EMV's largest objects are far smaller; a limit
    /// keeps a hostile document from costing more than its size).
    public static let maximumBytes = 1024

    /// The data objects of `hex`, in order.
    public static func parse(hex text: String) -> Result<[Element], Failure> {
        let characters = Array(text.utf8)
        guard characters.count.isMultiple(of: 2) else {
            return .failure(Failure(offset: characters.count, reason: "an odd number of hexadecimal digits"))
        }
        guard characters.count / 2 <= maximumBytes else {
            return .failure(Failure(offset: maximumBytes * 2, reason: "more than \(maximumBytes) bytes"))
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count / 2)
        for index in stride(from: 0, to: characters.count, by: 2) {
            guard let high = nibble(characters[index]) else { return .failure(Failure(offset: index, reason: "not a hexadecimal digit")) }
            guard let low = nibble(characters[index + 1]) else { return .failure(Failure(offset: index + 1, reason: "not a hexadecimal digit")) }
            bytes.append(high << 4 | low)
        }
        return parse(bytes: bytes)
    }

    /// The data objects of raw bytes, in order (offsets in the failure count hex characters,
    /// twice the byte offset).
    public static func parse(bytes: [UInt8]) -> Result<[Element], Failure> {
        var elements: [Element] = []
        var position = 0
        func fail(_ reason: String) -> Result<[Element], Failure> { .failure(Failure(offset: position * 2, reason: reason)) }
        while position < bytes.count {
            // EMV pads with 00 (and FF) between objects; they carry nothing.
            if bytes[position] == 0x00 || bytes[position] == 0xFF {
                position += 1
                continue
            }
            var tag = UInt32(bytes[position])
            var tagLength = 1
            if bytes[position] & 0x1F == 0x1F {
                while true {
                    guard position + tagLength < bytes.count else { return fail("a tag is cut short") }
                    guard tagLength < 3 else { return fail("a tag is longer than three bytes") }
                    let next = bytes[position + tagLength]
                    tag = tag << 8 | UInt32(next)
                    tagLength += 1
                    if next & 0x80 == 0 { break }
                }
            }
            position += tagLength
            guard position < bytes.count else { return fail("tag \(Element(tag: tag, value: []).tagHex) has no length") }
            let lengthAt = position
            let first = bytes[position]
            var length = 0
            switch first {
            case 0x00...0x7F:
                length = Int(first)
                position += 1
            case 0x81, 0x82:
                let count = Int(first & 0x7F)
                guard position + count < bytes.count else { return fail("the length of tag \(Element(tag: tag, value: []).tagHex) is cut short") }
                for offset in 1...count { length = length << 8 | Int(bytes[position + offset]) }
                position += 1 + count
            case 0x80:
                return fail("tag \(Element(tag: tag, value: []).tagHex) has an indefinite length")
            default:
                return fail("the length of tag \(Element(tag: tag, value: []).tagHex) is over 0xFFFF")
            }
            guard length <= bytes.count - position else {
                let remaining = bytes.count - position
                position = lengthAt  // the length is what is wrong
                return fail("tag \(Element(tag: tag, value: []).tagHex) claims \(length) bytes, \(remaining) remain")
            }
            elements.append(Element(tag: tag, value: Array(bytes[position..<(position + length)])))
            position += length
        }
        return .success(elements)
    }

    /// `elements` written as BER-TLV hexadecimal (the inverse of ``parse(hex:)``).
    public static func hex(_ elements: [Element]) -> String {
        var bytes: [UInt8] = []
        for element in elements {
            var tag = element.tag
            var tagBytes: [UInt8] = []
            repeat {
                tagBytes.insert(UInt8(truncatingIfNeeded: tag), at: 0)
                tag >>= 8
            } while tag > 0
            bytes += tagBytes
            let count = element.value.count
            if count < 0x80 {
                bytes.append(UInt8(count))
            } else if count <= 0xFF {
                bytes += [0x81, UInt8(count)]
            } else {
                bytes += [0x82, UInt8(truncatingIfNeeded: count >> 8), UInt8(truncatingIfNeeded: count)]
            }
            bytes += element.value
        }
        return hex(bytes: bytes)
    }

    /// `bytes` as upper-case hexadecimal, two digits a byte, high nibble first (EIS 1081 §3.3).
    public static func hex(bytes: [UInt8]) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
