/// Where a transaction took place, when that differs from the batch's merchant (detail group 36,
/// EIS 1081 §4.174): a merchant's own location (usage 1) or a payment facilitator's sub-merchant
/// (usage 2, required with a payment facilitator id).
public struct LocationDetail: Sendable, Hashable {
    /// Doing-business-as name, up to 38 characters (card brands other than American Express use 25).
    public var name: String
    /// Street address, web address or e-mail address, up to 38 characters.
    public var address: String
    /// City, or a customer service telephone number, up to 21 characters (other brands use 13).
    public var city: String
    /// State, province or region code, up to 3 characters.
    public var region: String
    /// ISO 3166 numeric country code, 3 digits.
    public var country: String
    /// Postal or ZIP code, up to 15 characters.
    public var postalCode: String

    public init(name: String, address: String = "", city: String, region: String, country: String = "840", postalCode: String) {
        self.name = name
        self.address = address
        self.city = city
        self.region = region
        self.country = country
        self.postalCode = postalCode
    }
}
