/// One trip leg: carrier, service class, stop-over code and destination (7 bytes on the wire).
public struct TripLeg: Sendable, Hashable {
    /// IATA carrier code, 2 characters.
    public var carrier: String
    /// Service class, 1 character.
    public var serviceClass: String
    /// `O` stop-over allowed, `X` not allowed, empty when not applicable.
    public var stopOver: String
    /// Destination airport, IATA 3-letter code.
    public var destination: String

    public init(carrier: String, serviceClass: String, stopOver: String = "", destination: String) {
        self.carrier = carrier
        self.serviceClass = serviceClass
        self.stopOver = stopOver
        self.destination = destination
    }
}
