/// Hotel data (detail group 5; group 7 when ``amex`` is set).
///
/// The folio number is the detail's `purchaseIdentifier`; the check-out date is its `transactionDate`.
public struct Lodging: Sendable, Hashable {
    /// Check-in date (advance check-in: reservation date; no-show: expected arrival).
    public var checkInDate: LocalDate
    /// No-show or special program indicator, 1 character (`0`/`1`; Amex `1`, `2`, `3` or empty).
    public var noShow: String
    /// Extra-charge codes, up to 6 digits (`2` restaurant, `3` gift shop, `4` mini-bar, …).
    public var extraCharges: String
    /// Market specific data identifier (`H` hotel).
    public var marketSpecificDataIdentifier: String
    /// Group 7: American Express lodging data.
    public var amex: LodgingAmex?

    public init(
        checkInDate: LocalDate, noShow: String = "0", extraCharges: String = "",
        marketSpecificDataIdentifier: String = "H", amex: LodgingAmex? = nil
    ) {
        self.checkInDate = checkInDate
        self.noShow = noShow
        self.extraCharges = extraCharges
        self.marketSpecificDataIdentifier = marketSpecificDataIdentifier
        self.amex = amex
    }
}
