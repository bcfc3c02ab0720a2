import SettleModel

/// Industry groups: card not present, lodging, auto rental, passenger transport, debit.
enum IndustryRules {
    static let d = "/detailRecords/0"

    static let cases: [RuleCase] = [
        RuleCase("gratuity in a hotel batch", .hotel, code: .missingOrErroneousValue, path: d + "/gratuity") { $0.detailRecords[0].gratuity = 100 },
        RuleCase("total authorized amount in retail", code: .missingOrErroneousValue, path: d + "/totalAuthorizedAmount") {
            $0.detailRecords[0].totalAuthorizedAmount = 100
        },
        RuleCase("purchase identifier starting with a space", .directMarketing, code: .invalidFormat, path: d + "/purchaseIdentifier") {
            $0.detailRecords[0].purchaseIdentifier = " ORDER-1"
        },
        RuleCase("purchase identifier of all zeros", .directMarketing, code: .invalidFormat, path: d + "/purchaseIdentifier") {
            $0.detailRecords[0].purchaseIdentifier = "0000"
        },
        RuleCase("Amex order number beyond 9 characters", .directMarketing, code: .invalidLength, path: d + "/purchaseIdentifier") {
            RuleCase.amex(&$0)
            $0.detailRecords[0].purchaseIdentifier = "ORDER-7731"
        },
        RuleCase("Amex folio number beyond 12 characters", .hotel, code: .invalidLength, path: d + "/purchaseIdentifier") {
            RuleCase.amex(&$0)
            $0.detailRecords[0].purchaseIdentifier = "FOLIO-7731-22"
        },
        RuleCase("market data B beside lodging data", .hotel, code: .missingOrErroneousValue, path: d + "/marketSpecificData") {
            $0.detailRecords[0].marketSpecificData = "B"
        },
        RuleCase("market data B beside auto rental data", .autoRental, code: .missingOrErroneousValue, path: d + "/marketSpecificData") {
            $0.detailRecords[0].marketSpecificData = "B"
        },
        RuleCase(
            "a card-not-present bill payment without cardholder id N", .directMarketing, code: .missingOrErroneousValue, path: d + "/cardholderId"
        ) {
            $0.detailRecords[0].marketSpecificData = "B"
            $0.detailRecords[0].cardholderId = "@"
        },
        RuleCase("direct marketing without group 12", .directMarketing, code: .missingOrErroneousValue, path: d + "/cardNotPresent") {
            $0.detailRecords[0].cardNotPresent = nil
        },
        RuleCase("card-not-present data in retail", code: .missingOrErroneousValue, path: d + "/cardNotPresent") {
            $0.detailRecords[0].cardNotPresent = CardNotPresentData()
        },
        RuleCase("unknown MOTO indicator", .directMarketing, code: .outOfRange, path: d + "/cardNotPresent/motoIndicator") {
            $0.detailRecords[0].cardNotPresent?.motoIndicator = "9"
        },
        RuleCase("installment beyond its count", .directMarketing, code: .outOfRange, path: d + "/cardNotPresent/installmentNumber") {
            $0.detailRecords[0].cardNotPresent = CardNotPresentData(motoIndicator: "3", installmentNumber: 4, installmentCount: 3)
        },
        RuleCase("hotel without lodging", .hotel, code: .missingOrErroneousValue, path: d + "/lodging") { $0.detailRecords[0].lodging = nil },
        RuleCase("lodging in retail", code: .missingOrErroneousValue, path: d + "/lodging") {
            $0.detailRecords[0].lodging = Lodging(checkInDate: LocalDate(year: 2026, month: 7, day: 20))
        },
        RuleCase("check-in after check-out", .hotel, code: .outOfRange, path: d + "/lodging/checkInDate") {
            $0.detailRecords[0].lodging?.checkInDate = LocalDate(year: 2026, month: 7, day: 26)
        },
        RuleCase("unknown hotel extra charge", .hotel, code: .outOfRange, path: d + "/lodging/extraCharges") {
            $0.detailRecords[0].lodging?.extraCharges = "19"
        },
        RuleCase("hotel no-show not 0 or 1", .hotel, code: .outOfRange, path: d + "/lodging/noShow") { $0.detailRecords[0].lodging?.noShow = "2" },
        RuleCase("Amex lodging data on a Visa card", .hotel, code: .missingOrErroneousValue, path: d + "/lodging/amex") {
            $0.detailRecords[0].lodging?.amex = LodgingAmex(stayDuration: 1, roomRate: 100)
            $0.detailRecords[0].lodging?.noShow = ""
        },
        RuleCase("Amex hotel charge with no-show 1", .hotel, code: .outOfRange, path: d + "/lodging/noShow") {
            RuleCase.amex(&$0)
            $0.detailRecords[0].lodging?.amex = LodgingAmex(chargeType: .hotel, stayDuration: 1, roomRate: 100)
            $0.detailRecords[0].lodging?.noShow = "1"
        },
        RuleCase("Amex restaurant charge without no-show 1", .hotel, code: .missingOrErroneousValue, path: d + "/lodging/noShow") {
            RuleCase.amex(&$0)
            $0.detailRecords[0].lodging?.amex = LodgingAmex(chargeType: .restaurant, stayDuration: 1, roomRate: 100)
            $0.detailRecords[0].lodging?.noShow = "0"
        },
        RuleCase("auto rental without rental data", .autoRental, code: .missingOrErroneousValue, path: d + "/autoRental") {
            $0.detailRecords[0].autoRental = nil
        },
        RuleCase("rental date before 2000", .autoRental, code: .outOfRange, path: d + "/autoRental/rentalDate") {
            $0.detailRecords[0].autoRental?.rentalDate = LocalDate(year: 1999, month: 12, day: 31)
        },
        RuleCase("rental date after return", .autoRental, code: .outOfRange, path: d + "/autoRental/rentalDate") {
            $0.detailRecords[0].autoRental?.rentalDate = LocalDate(year: 2026, month: 7, day: 26)
        },
        RuleCase("return state of 4 characters", .autoRental, code: .invalidLength, path: d + "/autoRental/returnDetails/returnStateOrCountry") {
            $0.detailRecords[0].autoRental?.returnDetails = AutoRentalReturn(returnStateOrCountry: "CALI")
        },
        RuleCase("passenger data on MasterCard", .passengerTransport, code: .missingOrErroneousValue, path: d + "/passengerTransport") {
            RuleCase.masterCard(&$0)
        },
        RuleCase("five trip legs", .passengerTransport, code: .outOfRange, path: d + "/passengerTransport/legs") {
            let leg = TripLeg(carrier: "DL", serviceClass: "C", destination: "LAX")
            $0.detailRecords[0].passengerTransport?.legs = Array(repeating: leg, count: 5)
        },
        RuleCase("lowercase origin", .passengerTransport, code: .invalidFormat, path: d + "/passengerTransport/origin") {
            $0.detailRecords[0].passengerTransport?.origin = "jfk"
        },
        RuleCase("passenger number beyond count", .passengerTransport, code: .outOfRange, path: d + "/passengerTransport/passengerNumber") {
            $0.detailRecords[0].passengerTransport?.passengerNumber = 2
        },
        RuleCase("unknown stop-over code", .passengerTransport, code: .outOfRange, path: d + "/passengerTransport/legs/0/stopOver") {
            $0.detailRecords[0].passengerTransport?.legs[0].stopOver = "Y"
        },
        RuleCase("debit without group 10", code: .missingOrErroneousValue, path: d + "/debit") {
            $0.detailRecords[0].transactionType = .debitPurchase
        },
        RuleCase("debit data on a credit card sale", code: .missingOrErroneousValue, path: d + "/debit") {
            $0.detailRecords[0].debit = DirectDebit(
                retrievalReferenceNumber: "1", systemTraceAuditNumber: 1, networkId: "E",
                settlementDate: LocalDate(year: 2026, month: 7, day: 26))
        },
        RuleCase("trace audit number over 6 digits", code: .outOfRange, path: d + "/debit/systemTraceAuditNumber") {
            $0.detailRecords[0].transactionType = .debitPurchase
            $0.detailRecords[0].debit = DirectDebit(
                retrievalReferenceNumber: "1", systemTraceAuditNumber: 1_000_000, networkId: "E",
                settlementDate: LocalDate(year: 2026, month: 7, day: 26))
        },
    ]
}
