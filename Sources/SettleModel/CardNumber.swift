/// A primary account number (PAN).
///
/// The full number is reachable only through ``digits``, which the record encoder uses.
/// Every textual rendering (`description`, `debugDescription`, reflection, string
/// interpolation) shows at most the first six and last four digits.
public struct CardNumber: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The full number exactly as given. Never log or store this.
    public let digits: String

    public init(_ digits: String) { self.digits = digits }

    /// First six and last four digits with the middle replaced by `*`; shorter numbers are fully masked.
    public var masked: String { CardNumber.mask(digits) }

    /// The card network from the leading digits.
    public var brand: CardBrand { CardBrand(digits: digits) }

    /// Whether every character is an ASCII digit.
    public var isAllDigits: Bool { !digits.isEmpty && digits.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }

    /// Whether the Luhn (mod 10) check digit is right. `false` for non-digits.
    public var passesLuhn: Bool {
        guard isAllDigits else { return false }
        var sum = 0
        for (offset, byte) in digits.utf8.reversed().enumerated() {
            var digit = Int(byte - 48)
            if offset % 2 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum % 10 == 0
    }

    public var description: String { masked }
    public var debugDescription: String { "CardNumber(\(masked))" }
    public var customMirror: Mirror { Mirror(self, children: ["masked": masked]) }

    /// Masks any text that should hold a card number: keeps the first six and last four
    /// characters when at least 13 long, otherwise masks everything.
    public static func mask(_ text: some StringProtocol) -> String {
        let characters = Array(text)
        guard characters.count >= 13 else { return String(repeating: "*", count: characters.count) }
        return String(characters.prefix(6)) + String(repeating: "*", count: characters.count - 10)
            + String(characters.suffix(4))
    }
}
