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
