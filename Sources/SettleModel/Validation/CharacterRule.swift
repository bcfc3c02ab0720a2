/// Which bytes a text field accepts: a 128-bit set, so checks cost a shift and a mask.
struct CharacterRule: Sendable {
    let low: UInt64
    let high: UInt64
    let explanation: String

    init(_ characters: String, explanation: String) {
        var low: UInt64 = 0, high: UInt64 = 0
        for byte in characters.utf8 where byte < 128 {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
        self.low = low
        self.high = high
        self.explanation = explanation
    }

    @inline(__always)
    func accepts(_ byte: UInt8) -> Bool {
        byte < 64 ? (low >> UInt64(byte)) & 1 == 1 : byte < 128 ? (high >> UInt64(byte - 64)) & 1 == 1 : false
    }

    /// Whether every byte of `text` is accepted.
    @inline(__always)
    func acceptsAll(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var all = true
            for byte in bytes { all = all && accepts(byte) }
            return all
        } ?? text.utf8.allSatisfy { accepts($0) }
    }

    static let digitCharacters = "0123456789"
    static let upperCharacters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    static let letterCharacters = upperCharacters + upperCharacters.lowercased()

    /// Printable 7-bit ASCII, space included.
    static let printable = CharacterRule(String((32...126).map { Character(UnicodeScalar($0)) }), explanation: "printable ASCII characters")
    /// Letters, digits and spaces.
    static let alphanumericSpace = CharacterRule(digitCharacters + letterCharacters + " ", explanation: "letters, digits and spaces")
    /// Letters and digits.
    static let alphanumeric = CharacterRule(digitCharacters + letterCharacters, explanation: "letters and digits")
    /// `0`–`9` and `A`–`F` (either case).
    static let hexadecimal = CharacterRule(digitCharacters + "ABCDEFabcdef", explanation: "hexadecimal digits")
    /// Hexadecimal digits as the chip addendum sends them (§3.3): `0`-`9`, `A`-`F`.
    static let upperHexadecimal = CharacterRule(digitCharacters + "ABCDEF", explanation: "upper-case hexadecimal digits")
    /// Uppercase letters.
    static let uppercase = CharacterRule(upperCharacters, explanation: "uppercase letters")
    /// Digits.
    static let digits = CharacterRule(digitCharacters, explanation: "digits")
}
