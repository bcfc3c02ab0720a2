/// The merchant's industry: the class reference's eight `industry_type` values.
///
/// One batch carries one industry; it selects the header industry code, the detail
/// groups each record must carry and the transaction codes allowed.
public enum IndustryType: String, Sendable, Hashable, CaseIterable, Codable {
    case unknown
    case retail
    case restaurant
    case groceryStore
    case directMarketing
    case hotel
    case autoRental
    case passengerTransport

    /// The class reference's numeric value (`sitUnknown` = 0 … `sitPassengerTransport` = 7).
    public var classReferenceValue: Int {
        switch self {
        case .unknown: 0
        case .retail: 1
        case .restaurant: 2
        case .groceryStore: 3
        case .directMarketing: 4
        case .hotel: 5
        case .autoRental: 6
        case .passengerTransport: 7
        }
    }

    /// The one-character EIS 1081 industry code in header byte 49.
    public var industryCode: Character {
        switch self {
        case .unknown: "0"
        case .retail: "R"
        case .restaurant: "F"
        case .groceryStore: "G"
        case .directMarketing: "D"
        case .hotel: "H"
        case .autoRental: "A"
        case .passengerTransport: "P"
        }
    }

    /// The industry for a header industry code, if it is one of the eight.
    public init?(industryCode: Character) {
        guard let match = IndustryType.allCases.first(where: { $0.industryCode == industryCode }) else { return nil }
        self = match
    }

    /// Card-not-present industries put the customer-service phone where the merchant city goes.
    public var isCardNotPresent: Bool { self == .directMarketing }
}
