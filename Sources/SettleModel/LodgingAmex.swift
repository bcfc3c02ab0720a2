/// American Express lodging data (detail group 7).
public struct LodgingAmex: Sendable, Hashable {
    public var chargeType: HotelChargeType
    /// Nights stayed, 0–99.
    public var stayDuration: Int
    /// Nightly room rate.
    public var roomRate: Amount

    public init(chargeType: HotelChargeType = .hotel, stayDuration: Int, roomRate: Amount) {
        self.chargeType = chargeType
        self.stayDuration = stayDuration
        self.roomRate = roomRate
    }
}

/// The class reference's `HotelChargeType` (ctHotel 0, ctRestaurant 1, ctGiftShop 2).
public enum HotelChargeType: String, Sendable, Hashable, CaseIterable, Codable {
    case hotel
    case restaurant
    case giftShop

    /// Wire value (EIS 1081 §4.72): `1` hotel, `2` restaurant, `3` gift shop.
    public var wireValue: Character {
        switch self {
        case .hotel: "1"
        case .restaurant: "2"
        case .giftShop: "3"
        }
    }
}
