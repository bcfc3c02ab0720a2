/// Numbers, literals, whitespace and errors.
extension JSONParser {
    /// A number token. Integers that fit 64 bits stay exact (money is never a `Double`); any
    /// fraction or exponent, or a larger integer, is kept as `.number` for the reader to refuse
    /// where an integer is required.
    mutating func number() throws(JSONSyntaxError) {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else { throw fail("a number needs digits") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw fail("a number may not have a leading zero") }
        } else {
            skipDigits()
        }
        var integral = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            integral = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail("a fraction needs digits") }
            skipDigits()
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            integral = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw fail("an exponent needs digits") }
            skipDigits()
        }
        let span = (start: Int32(start), length: Int32(index - start))
        if integral, let exact = exactInteger(from: negative ? start + 1 : start, negative: negative) {
            return leaf(JSONNode(kind: .integer, start: span.start, length: span.length, payload: UInt64(bitPattern: exact)))
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONSyntaxError(offset: start, reason: "a number is beyond what a Double holds", isLimit: true)
        }
        leaf(JSONNode(kind: .number, start: span.start, length: span.length, payload: value.bitPattern))
    }

    /// The digits from `start` to the cursor as an `Int64`, or nil when they overflow it.
    private func exactInteger(from start: Int, negative: Bool) -> Int64? {
        var value: Int64 = 0
        for position in start..<index {
            let digit = Int64(bytes[position] - UInt8(ascii: "0"))
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (next, overflowB) = negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            if overflowA || overflowB { return nil }
            value = next
        }
        return value
    }

    mutating func literal(_ word: StaticString, _ kind: JSONNode.Kind) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw fail("unexpected end of input") }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] {
            throw fail("unexpected character")
        }
        index += count
        leaf(JSONNode(kind: kind))
    }

    @inline(__always) mutating func expect(_ byte: UInt8, _ reason: String) throws(JSONSyntaxError) {
        guard index < bytes.count, bytes[index] == byte else { throw fail(reason) }
        index += 1
    }

    /// RFC 8259 whitespace only: space, tab, line feed, carriage return.
    @inline(__always) mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    func fail(_ reason: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: index, reason: reason)
    }
}
