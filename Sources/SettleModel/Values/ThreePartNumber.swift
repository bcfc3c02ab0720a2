/// Fixed-width text of three digit groups with a separator (`YYYY-MM-DD`, `HH:MM:SS`), read
/// byte by byte: dates and times are parsed once per detail record, and splitting them into
/// substrings showed up in the API's profile.
enum ThreePartNumber {
    /// The three numbers when `text` is exactly `widths.0` digits, `separator`, `widths.1` digits,
    /// `separator`, `widths.2` digits; nil otherwise.
    static func parse(_ text: String, separator: UInt8, widths: (Int, Int, Int)) -> (Int, Int, Int)? {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count == widths.0 + widths.1 + widths.2 + 2,
                bytes[widths.0] == separator, bytes[widths.0 + 1 + widths.1] == separator,
                let first = number(bytes, from: 0, count: widths.0),
                let second = number(bytes, from: widths.0 + 1, count: widths.1),
                let third = number(bytes, from: widths.0 + widths.1 + 2, count: widths.2)
            else { return nil }
            return (first, second, third)
        }
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) -> Int? {
        var value = 0
        for byte in bytes[start..<start + count] {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}
