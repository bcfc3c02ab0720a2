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
    public var isAllDigits: Bool { CardNumber.luhnSum(digits) != nil }

    /// Whether the Luhn (mod 10) check digit is right. `false` for non-digits.
    public var passesLuhn: Bool { CardNumber.luhnSum(digits).map { $0 % 10 == 0 } ?? false }

    /// The Luhn sum of a digit string, or `nil` when it is empty or holds a non-digit.
    static func luhnSum(_ text: String) -> Int? {
        func sum(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            guard !bytes.isEmpty else { return nil }
            // Every second digit counting from the right is doubled.
            var total = 0, double = bytes.count % 2 == 0
            for byte in bytes {
                let digit = Int(byte &- 48)
                guard digit >= 0 && digit <= 9 else { return nil }
                total &+= double ? (digit > 4 ? digit &* 2 &- 9 : digit &* 2) : digit
                double.toggle()
            }
            return total
        }
        return text.utf8.withContiguousStorageIfAvailable(sum) ?? Array(text.utf8).withUnsafeBufferPointer(sum)
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
