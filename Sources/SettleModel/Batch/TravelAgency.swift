/// The ticket-issuing travel agency (header group 1, passenger transport only):
/// config settings `TravelAgencyCode` and `TravelAgencyName`.
public struct TravelAgency: Sendable, Hashable {
    /// IATA travel agency code, up to 8 characters.
    public var code: String
    /// Travel agency name, up to 25 characters.
    public var name: String

    public init(code: String = "", name: String = "") {
        self.code = code
        self.name = name
    }
}
