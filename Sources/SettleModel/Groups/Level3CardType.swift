/// The card brands Level III data exists for.
public enum Level3CardType: String, Sendable, Hashable, CaseIterable, Codable {
    case visa
    case masterCard

    public var brand: CardBrand { self == .visa ? .visa : .masterCard }
}
