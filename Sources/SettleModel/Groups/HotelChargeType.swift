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
