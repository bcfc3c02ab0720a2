/// A money amount in minor units with an implied decimal point (US$10.00 is `1000`).
///
/// Amounts are never floating point. Detail amounts are at most ``maximumDetailAmount``
/// (seven significant digits for USD), which keeps every total inside the 16-digit trailer fields.
public struct Amount: Sendable, Hashable, Comparable, Codable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    /// The value in minor units.
    public var minorUnits: Int64

    /// The largest amount a detail record may carry: 9,999,999 minor units ($99,999.99).
    public static let maximumDetailAmount: Amount = 9_999_999
    /// Zero.
    public static let zero: Amount = 0

    public init(minorUnits: Int64) { self.minorUnits = minorUnits }

    /// Whether a detail record may carry this amount (0 to ``maximumDetailAmount``): products
    /// and sums of such amounts cannot overflow, so rules compute with them only after this.
    public var isDetailAmount: Bool { minorUnits >= 0 && minorUnits <= Self.maximumDetailAmount.minorUnits }
    public init(integerLiteral value: Int64) { self.minorUnits = value }

    public init(from decoder: any Decoder) throws {
        self.minorUnits = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(minorUnits)
    }

    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.minorUnits < rhs.minorUnits }

    public var description: String { String(minorUnits) }
}
