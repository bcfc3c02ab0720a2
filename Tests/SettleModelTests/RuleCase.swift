import SettleModel
import SettleTestSupport
import Testing

/// One validation rule, broken on purpose: a valid base batch, a change, and the issue it must cause.
struct RuleCase: Sendable, CustomTestStringConvertible {
    let name: String
    let industry: IndustryType
    let profile: WireProfile
    let change: @Sendable (inout Batch) -> Void
    let code: ErrorCode
    let path: String

    init(
        _ name: String, _ industry: IndustryType = .retail, profile: WireProfile = .standard, code: ErrorCode, path: String,
        _ change: @escaping @Sendable (inout Batch) -> Void
    ) {
        self.name = name
        self.industry = industry
        self.profile = profile
        self.change = change
        self.code = code
        self.path = path
    }

    var testDescription: String { name }

    /// A valid batch of the industry, with details that exercise its groups.
    static func base(_ industry: IndustryType) -> Batch {
        var sale = SampleBatches.sale()
        switch industry {
        case .directMarketing:
            sale = SampleBatches.sale("4012888888881881", kind: .cardNotPresent)
            sale.cardNotPresent = CardNotPresentData()
        case .hotel:
            sale.lodging = Lodging(checkInDate: LocalDate(year: 2026, month: 7, day: 20))
        case .autoRental:
            sale.autoRental = AutoRental(rentalDate: LocalDate(year: 2026, month: 7, day: 20))
        case .passengerTransport:
            sale.passengerTransport = PassengerTransport(
                ticketNumber: "8382152100395", passengerName: "JOHN SMITH", departureDate: LocalDate(year: 2026, month: 8, day: 1),
                origin: "JFK", legs: [TripLeg(carrier: "DL", serviceClass: "C", stopOver: "X", destination: "LAX")])
        default: break
        }
        return SampleBatches.batch(industry, [sale])
    }

    static func amex(_ batch: inout Batch) { batch.detailRecords[0].cardNumber = CardNumber("378282246310005") }
    static func masterCard(_ batch: inout Batch) { batch.detailRecords[0].cardNumber = CardNumber("5555555555554444") }
}
