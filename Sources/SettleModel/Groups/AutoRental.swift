/// Auto rental data (detail group 4; group 13 when ``returnDetails`` is set).
///
/// The rental agreement number is the detail's `purchaseIdentifier`; the return date is its
/// `transactionDate`.
public struct AutoRental: Sendable, Hashable {
    /// Date the vehicle was first driven away (class reference `RentalCheckIn`).
    public var rentalDate: LocalDate
    /// `true` bills a reserved vehicle that was not rented.
    public var noShow: Bool
    /// Extra-charge codes, up to 6 digits (`1` gasoline, `2` mileage, `3` late, `4` one-way, `5` violation).
    public var extraCharges: String
    /// Market specific data identifier (`A` auto rental).
    public var marketSpecificDataIdentifier: String
    /// Group 13: renter and return location (MasterCard).
    public var returnDetails: AutoRentalReturn?
    /// Group 42: American Express's own rental details (instead of group 13).
    public var amex: AmexAutoRental?

    public init(
        rentalDate: LocalDate, noShow: Bool = false, extraCharges: String = "",
        marketSpecificDataIdentifier: String = "A", returnDetails: AutoRentalReturn? = nil, amex: AmexAutoRental? = nil
    ) {
        self.rentalDate = rentalDate
        self.noShow = noShow
        self.extraCharges = extraCharges
        self.marketSpecificDataIdentifier = marketSpecificDataIdentifier
        self.returnDetails = returnDetails
        self.amex = amex
    }
}
