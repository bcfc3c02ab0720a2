/// The card brands Level II data exists for.
public enum Level2CardType: String, Sendable, Hashable, CaseIterable, Codable {
    case visa
    case masterCard
    case americanExpress

    /// The brand the card number must have.
    public var brand: CardBrand {
        switch self {
        case .visa: .visa
        case .masterCard: .masterCard
        case .americanExpress: .americanExpress
        }
    }
}
