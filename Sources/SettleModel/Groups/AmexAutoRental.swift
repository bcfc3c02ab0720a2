/// American Express auto rental data (detail group 42, EIS 1081 §4.27), sent with group 4 in
/// auto rental batches; it carries its own return details, so group 13 is not sent with it.
public struct AmexAutoRental: Sendable, Hashable {
    /// Rental agreement number, up to 14 characters.
    public var agreementNumber: String
    /// Where the vehicle was picked up: location name or address, up to 38 characters.
    public var pickupLocation: String
    public var pickupCity: String
    public var pickupRegion: String
    /// ISO 3166 numeric country code, 3 digits.
    public var pickupCountry: String
    public var pickupDate: LocalDate
    public var pickupTime: TimeOfDay
    public var returnCity: String
    public var returnRegion: String
    public var returnCountry: String
    public var returnDate: LocalDate
    public var returnTime: TimeOfDay
    /// The renter's name, up to 26 characters.
    public var renterName: String
    /// Vehicle class, up to 4 characters.
    public var vehicleClassId: String
    /// Distance driven, 0–99999, in ``distanceUnit``.
    public var distance: Int
    /// `M` miles, `K` kilometres, empty when no distance is given.
    public var distanceUnit: String
    /// Audit adjustment indicator: `X` several adjustments, `Y` one and the cardmember was told,
    /// `Z` one and the cardmember was not told; empty for none.
    public var auditAdjustmentIndicator: String
    /// Audit adjustment amount; zero without an adjustment.
    public var auditAdjustmentAmount: Amount

    public init(
        agreementNumber: String, pickupLocation: String = "", pickupCity: String, pickupRegion: String = "", pickupCountry: String = "840",
        pickupDate: LocalDate, pickupTime: TimeOfDay = TimeOfDay(hour: 0, minute: 0, second: 0), returnCity: String,
        returnRegion: String = "", returnCountry: String = "840", returnDate: LocalDate,
        returnTime: TimeOfDay = TimeOfDay(hour: 0, minute: 0, second: 0), renterName: String, vehicleClassId: String = "",
        distance: Int = 0, distanceUnit: String = "", auditAdjustmentIndicator: String = "", auditAdjustmentAmount: Amount = .zero
    ) {
        self.agreementNumber = agreementNumber
        self.pickupLocation = pickupLocation
        self.pickupCity = pickupCity
        self.pickupRegion = pickupRegion
        self.pickupCountry = pickupCountry
        self.pickupDate = pickupDate
        self.pickupTime = pickupTime
        self.returnCity = returnCity
        self.returnRegion = returnRegion
        self.returnCountry = returnCountry
        self.returnDate = returnDate
        self.returnTime = returnTime
        self.renterName = renterName
        self.vehicleClassId = vehicleClassId
        self.distance = distance
        self.distanceUnit = distanceUnit
        self.auditAdjustmentIndicator = auditAdjustmentIndicator
        self.auditAdjustmentAmount = auditAdjustmentAmount
    }
}
