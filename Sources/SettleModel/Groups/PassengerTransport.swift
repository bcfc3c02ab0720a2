/// Passenger transport (airline) data, Visa only (detail group 9).
public struct PassengerTransport: Sendable, Hashable {
    /// `true` for a non-refundable ticket.
    public var restrictedTicket: Bool
    /// This passenger's number (1-based) among ``passengerCount`` on the authorization.
    public var passengerNumber: Int
    public var passengerCount: Int
    /// Ticket number, up to 13 characters.
    public var ticketNumber: String
    /// Passenger name, up to 20 characters.
    public var passengerName: String
    public var departureDate: LocalDate
    /// Origin airport, IATA 3-letter code.
    public var origin: String
    /// One to four trip legs (the Visa limit).
    public var legs: [TripLeg]

    /// Visa carries at most four trip legs.
    public static let maximumLegs = 4

    public init(
        restrictedTicket: Bool = false, passengerNumber: Int = 1, passengerCount: Int = 1, ticketNumber: String,
        passengerName: String, departureDate: LocalDate, origin: String, legs: [TripLeg]
    ) {
        self.restrictedTicket = restrictedTicket
        self.passengerNumber = passengerNumber
        self.passengerCount = passengerCount
        self.ticketNumber = ticketNumber
        self.passengerName = passengerName
        self.departureDate = departureDate
        self.origin = origin
        self.legs = legs
    }
}
