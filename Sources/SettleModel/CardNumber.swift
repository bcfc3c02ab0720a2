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
    public var isAllDigits: Bool {
        var any = false
        for byte in digits.utf8 {
            guard byte >= 48 && byte <= 57 else { return false }
            any = true
        }
        return any
    }

    /// Whether the Luhn (mod 10) check digit is right. `false` for non-digits.
    public var passesLuhn: Bool {
        guard isAllDigits else { return false }
        // Double every second digit from the right: walk left to right, doubling those whose
        // distance from the end is odd.
        var sum = 0
        var double = digits.utf8.count % 2 == 0
        for byte in digits.utf8 {
            var digit = Int(byte &- 48)
            if double {
                digit &*= 2
                if digit > 9 { digit &-= 9 }
            }
            sum &+= digit
            double.toggle()
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
