/// Renter and return location of an auto rental (detail group 13).
public struct AutoRentalReturn: Sendable, Hashable {
    /// Renter name, up to 20 characters.
    public var renterName: String
    /// Return city, up to 18 characters.
    public var returnCity: String
    /// Return state or country, up to 3 characters.
    public var returnStateOrCountry: String
    /// Return location id, up to 10 characters.
    public var returnLocationId: String

    public init(renterName: String = "", returnCity: String = "", returnStateOrCountry: String = "", returnLocationId: String = "") {
        self.renterName = renterName
        self.returnCity = returnCity
        self.returnStateOrCountry = returnStateOrCountry
        self.returnLocationId = returnLocationId
    }
}
