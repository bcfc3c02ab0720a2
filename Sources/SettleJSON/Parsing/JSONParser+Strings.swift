extension JSONParser {
    /// A string token; the cursor is on its opening quote. Appends its node and returns its
    /// ``KeySignature`` bits (the node's payload), which objects fold into their key mask.
    @inline(__always) mutating func string() throws(JSONSyntaxError) -> UInt64 {
        index += 1
        let start = index
        skipPlainASCII()
        var ascii = true
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
                // Nearly every string of a business document is ASCII, which needs no UTF-8 validation.
                if !ascii { _ = try utf8(text, at: start) }
                let signature = KeySignature(bytes: text)
                leaf(JSONNode(kind: .string, start: Int32(start), length: Int32(text.count), payload: UInt64(signature.bits)))
                index += 1
                return UInt64(signature.bits)
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
            guard byte >= 0x20 else { throw fail("control character in a string") }
            ascii = ascii && byte < 0x80
            index += 1
        }
        throw fail("unterminated string")
    }

    /// The slower path for strings holding escapes: the bytes are rebuilt, checked as UTF-8,
    /// and kept decoded in the tape.
    private mutating func escapedString(from start: Int) throws(JSONSyntaxError) -> UInt64 {
        var buffer = Array(bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                let text = try buffer.withUnsafeBufferPointer { (text) throws(JSONSyntaxError) in try utf8(text, at: start) }
                let signature = KeySignature(text)
                leaf(
                    JSONNode(kind: .string, decoded: true, start: Int32(decoded.count), length: Int32(buffer.count), payload: UInt64(signature.bits)))
                decoded.append(text)
                return UInt64(signature.bits)
            case UInt8(ascii: "\\"):
                try unescape(into: &buffer)
            case ..<0x20:
                index -= 1
                throw fail("control character in a string")
            default:
                buffer.append(byte)
            }
        }
        throw fail("unterminated string")
    }

    /// One escape; the cursor is just past the backslash.
    private mutating func unescape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
        guard index < bytes.count else { throw fail("unterminated string") }
        let code = bytes[index]
        index += 1
        switch code {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(code)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hexQuad()
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw fail("unpaired surrogate in a \\u escape")
                }
                index += 2
                let low = try hexQuad()
                guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate in a \\u escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw fail("unpaired surrogate in a \\u escape")
            }
            buffer.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
        default:
            index -= 1
            throw fail("invalid escape")
        }
    }

    private mutating func hexQuad() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw fail("a \\u escape needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private func utf8(_ text: UnsafeBufferPointer<UInt8>, at start: Int) throws(JSONSyntaxError) -> String {
        guard let string = String(validating: text, as: UTF8.self) else {
            throw JSONSyntaxError(offset: start, reason: "a string is not valid UTF-8")
        }
        return string
    }

    /// Steps over eight bytes at a time while none of them is a quote, a backslash, a control
    /// character or non-ASCII (the byte loop then handles whatever remains exactly).
    private mutating func skipPlainASCII() {
        guard let base = bytes.baseAddress else { return }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // The classic "has a zero byte" test, applied to word ^ quote and word ^ backslash,
            // plus "has a byte below 0x20" and "has a high bit".
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let special = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word) | word
            if special & highs != 0 { return }
            index += 8
        }
    }
}
