/// The card network, derived from the card number's leading digits.
///
/// Level II and Level III data are brand specific, so validation needs the brand.
public enum CardBrand: String, Sendable, Hashable, CaseIterable {
    case visa
    case masterCard
    case americanExpress
    case discover
    case other

    /// The brand for a string of digits (no validation of length or check digit).
    public init(digits: String) {
        // The leading six digits as a number; non-digits end the prefix.
        var prefix = 0, length = 0
        for byte in digits.utf8.prefix(6) {
            guard byte >= 48 && byte <= 57 else { break }
            prefix = prefix * 10 + Int(byte - 48)
            length += 1
        }
        func leading(_ count: Int) -> Int {
            guard length >= count else { return -1 }
            var value = prefix
            for _ in 0..<(length - count) { value /= 10 }
            return value
        }
        switch true {
        case leading(1) == 4: self = .visa
        case (51...55).contains(leading(2)), (2221...2720).contains(leading(4)): self = .masterCard
        case leading(2) == 34, leading(2) == 37: self = .americanExpress
        case leading(4) == 6011, leading(2) == 65, (644...649).contains(leading(3)): self = .discover
        default: self = .other
        }
    }
}
