import SettleFraming
import SettleModel
import SettleRecords
import SettleTestSupport
import Testing

/// One batch per industry, each field checked at the position EIS 1081 gives it
/// (wire-protocol.md §2.1–2.7). Record 0 is the header, 1 the parameter, 2… details.
@Suite struct IndustryGoldenTests {
    @Test func retailHeaderParameterDetailAndTrailer() throws {
        let p = try RecordProbe(SampleBatches.batch(.retail, [SampleBatches.sale()]))
        // Header, §2.1.
        #expect(p.field(0, 1, 9) == "K1.ZH@@@R")
        #expect(p.field(0, 10, 6) == "999995")
        #expect(p.field(0, 16, 6) == "000000")
        #expect(p.field(0, 22, 6) == "111111")
        #expect(p.field(0, 28, 12) == "888000002200")
        #expect(p.field(0, 40, 4) == "5999")
        #expect(p.field(0, 44, 4) == "1515")
        #expect(p.field(0, 48, 1) == "Q")
        #expect(p.field(0, 49, 1) == "R")
        #expect(p.field(0, 50, 3) == "840")
        #expect(p.field(0, 53, 2) == "00")
        #expect(p.field(0, 55, 3) == "705")
        #expect(p.field(0, 58, 4) == "0726")
        #expect(p.field(0, 62, 3) == "042")
        #expect(p.field(0, 65, 1) == "2")
        #expect(p.field(0, 66, 11) == "310-5551234")
        #expect(p.field(0, 77, 11) == "800-5551234")
        #expect(p.field(0, 88, 6) == "003318")
        #expect(p.field(0, 94, 4) == "A001")
        #expect(p.records[0].count == 97)
        // Parameter, §2.2: a leading V of the terminal id is sent as 7.
        #expect(p.records[1] == "K1.ZP@@@@84090210    5999TEST MERCHANT            BEVERLY HILLSCA0000170000001")
        // Detail base, §2.4.
        #expect(p.field(2, 10, 2) == "54")
        #expect(p.field(2, 12, 1) == "@")
        #expect(p.field(2, 13, 1) == "D")
        #expect(p.field(2, 14, 22) == "4111111111111111      ")
        #expect(p.field(2, 36, 1) == "Y")
        #expect(p.field(2, 37, 1) == "E")
        #expect(p.field(2, 38, 1) == "5")
        #expect(p.field(2, 39, 4) == "0001")
        #expect(p.field(2, 43, 2) == "00")
        #expect(p.field(2, 45, 6) == "A1B2C3")
        #expect(p.field(2, 51, 4) == "0725")
        #expect(p.field(2, 55, 6) == "183005")
        #expect(p.field(2, 61, 1) == "0")
        #expect(p.field(2, 62, 15) == "305123456789012")
        #expect(p.field(2, 77, 4) == "X1Y2")
        #expect(p.field(2, 81, 1) == " ")
        #expect(p.field(2, 82, 2) == "00")
        #expect(p.field(2, 84, 1) == "0")
        #expect(p.field(2, 85, 12) == "000000002500")
        #expect(p.field(2, 97, 12) == "000000002500")
        // Trailer, §2.7.
        #expect(p.records[3] == "K1.ZT@@@@" + "0726" + "042" + "000000004" + "0000000000002500" + "0000000000000000" + "0000000000002500")
    }

    @Test func restaurantGratuityIsGroup2() throws {
        var tip = SampleBatches.sale(amount: 3000)
        tip.authorizedAmount = 2500
        tip.gratuity = 500
        let p = try RecordProbe(SampleBatches.batch(.restaurant, [tip]))
        #expect(p.field(0, 49, 1) == "F")
        #expect(p.field(2, 5, 5) == "DP@@B")
        #expect(p.afterBase(2, 0, 12) == "000000000500")
        #expect(p.field(2, 85, 12) == "000000003000")
        #expect(p.field(2, 97, 12) == "000000002500")
    }

    @Test func groceryCashBackIsGroup1AndSummedInTheTrailer() throws {
        var sale = SampleBatches.sale(amount: 6000)
        sale.cashBack = 2000
        let p = try RecordProbe(SampleBatches.batch(.groceryStore, [sale, sale]))
        #expect(p.field(0, 49, 1) == "G")
        #expect(p.field(2, 5, 5) == "DP@@A")
        #expect(p.afterBase(2, 0, 12) == "000000002000")
        #expect(p.field(4, 42, 16) == "0000000000004000")
        #expect(p.field(4, 26, 16) == "0000000000012000")
    }

    @Test func directMarketingGroups3And12() throws {
        var order = SampleBatches.sale("4012888888881881", amount: 1999, kind: .cardNotPresent, number: 17)
        order.purchaseIdentifier = "ORDER-77"
        order.totalAuthorizedAmount = 2100
        order.cardNotPresent = CardNotPresentData(motoIndicator: "2", installmentNumber: 1, installmentCount: 12)
        let p = try RecordProbe(SampleBatches.batch(.directMarketing, [order]))
        #expect(p.field(0, 49, 1) == "D")
        // Card-not-present: the customer-service phone goes in the city slot (§2.2).
        #expect(p.field(1, 51, 13) == "800-5551234  ")
        #expect(p.field(2, 5, 5) == "DP@`D")
        #expect(p.field(2, 10, 2) == "56")
        #expect(p.field(2, 12, 1) == "N")
        #expect(p.afterBase(2, 0, 12) == "000000002100")
        #expect(p.afterBase(2, 12, 1) == "1")
        #expect(p.afterBase(2, 13, 25) == "ORDER-77                 ")
        #expect(p.afterBase(2, 38, 5) == "01122")
        #expect(p.afterBase(2, 43, 4) == "@@B@")
    }

    @Test func anOrderWithoutAPurchaseIdentifierSendsFormatCodeZ() throws {
        // Table 4.48: `Z` says no identifier follows; `1` would promise an order number.
        var order = SampleBatches.sale("4012888888881881", amount: 1999, kind: .cardNotPresent, number: 17)
        order.cardNotPresent = CardNotPresentData(motoIndicator: "7")
        let batch = SampleBatches.batch(.directMarketing, [order])
        let p = try RecordProbe(batch)
        #expect(p.afterBase(2, 12, 1) == "Z")
        #expect(p.afterBase(2, 13, 25) == String(repeating: " ", count: 25))
        let wire = try BatchEncoder().encode(batch).framed.bytes
        let decoded = try BatchDecoder(referenceDate: SampleBatches.july26).decode(wire)
        #expect(decoded.batch.detailRecords[0].purchaseIdentifier == "")
    }

    @Test func hotelGroups5And7() throws {
        var stay = SampleBatches.sale("378282246310005", amount: 45600)
        stay.purchaseIdentifier = "FOLIO-1"
        stay.lodging = Lodging(
            checkInDate: LocalDate(year: 2026, month: 7, day: 22), noShow: "", extraCharges: "24",
            amex: LodgingAmex(chargeType: .hotel, stayDuration: 3, roomRate: 15200))
        let p = try RecordProbe(SampleBatches.batch(.hotel, [stay]))
        #expect(p.field(0, 49, 1) == "H")
        #expect(p.field(2, 5, 5) == "DP@AP")
        #expect(p.afterBase(2, 0, 12) == "000000045600")  // total authorized defaults to the authorized amount
        #expect(p.afterBase(2, 12, 1) == "4")
        #expect(p.afterBase(2, 13, 25) == "FOLIO-1                  ")
        #expect(p.afterBase(2, 38, 1) == "H")
        #expect(p.afterBase(2, 39, 1) == " ")
        #expect(p.afterBase(2, 40, 6) == "240000")
        #expect(p.afterBase(2, 46, 6) == "260722")
        // Group 7: charge type, check-out (the transaction date) YYMMDD, nights, room rate.
        #expect(p.afterBase(2, 52, 1) == "1")
        #expect(p.afterBase(2, 53, 6) == "260725")
        #expect(p.afterBase(2, 59, 2) == "03")
        #expect(p.afterBase(2, 61, 12) == "000000015200")
    }

    @Test func autoRentalGroups4And13() throws {
        var rental = SampleBatches.sale("5105105105105100", amount: 18950)
        rental.purchaseIdentifier = "RA-1"
        rental.autoRental = AutoRental(
            rentalDate: LocalDate(year: 2026, month: 7, day: 20), noShow: true, extraCharges: "13",
            returnDetails: AutoRentalReturn(renterName: "JANE DOE", returnCity: "LOS ANGELES", returnStateOrCountry: "CA", returnLocationId: "LAX01"))
        let p = try RecordProbe(SampleBatches.batch(.autoRental, [rental]))
        #expect(p.field(0, 49, 1) == "A")
        #expect(p.field(2, 5, 5) == "DPA@H")
        #expect(p.afterBase(2, 12, 1) == "3")
        #expect(p.afterBase(2, 38, 1) == "A")
        #expect(p.afterBase(2, 39, 1) == "1")
        #expect(p.afterBase(2, 40, 6) == "130000")
        #expect(p.afterBase(2, 46, 6) == "260720")
        #expect(p.afterBase(2, 52, 20) == "JANE DOE            ")
        #expect(p.afterBase(2, 72, 18) == "LOS ANGELES       ")
        #expect(p.afterBase(2, 90, 3) == "CA ")
        #expect(p.afterBase(2, 93, 10) == "LAX01     ")
    }

    @Test func passengerTransportGroup9AndTravelAgency() throws {
        var ticket = SampleBatches.sale(amount: 48210)
        ticket.passengerTransport = PassengerTransport(
            restrictedTicket: true, passengerNumber: 1, passengerCount: 3, ticketNumber: "8382152100395", passengerName: "JOHN SMITH",
            departureDate: LocalDate(year: 2026, month: 8, day: 21), origin: "JFK",
            legs: [TripLeg(carrier: "DL", serviceClass: "C", stopOver: "X", destination: "LAX")])
        var batch = SampleBatches.batch(.passengerTransport, [ticket])
        batch.travelAgency = TravelAgency(code: "12345678", name: "TRAVEL AND TOURS")
        let p = try RecordProbe(batch)
        #expect(p.field(0, 5, 5) == "H@@@S")
        #expect(p.field(0, 49, 1) == "P")
        #expect(p.field(0, 66, 8) == "12345678")
        #expect(p.field(0, 74, 25) == "TRAVEL AND TOURS         ")
        #expect(p.field(2, 5, 5) == "DP@D@")
        #expect(p.afterBase(2, 0, 1) == "1")
        #expect(p.afterBase(2, 1, 2) == "01")
        #expect(p.afterBase(2, 3, 2) == "03")
        #expect(p.afterBase(2, 5, 13) == "8382152100395")
        #expect(p.afterBase(2, 18, 20) == "JOHN SMITH          ")
        #expect(p.afterBase(2, 38, 6) == "082126")
        #expect(p.afterBase(2, 44, 3) == "JFK")
        #expect(p.afterBase(2, 47, 7) == "DLCXLAX")
        #expect(p.afterBase(2, 54, 21) == String(repeating: " ", count: 21))
    }

    @Test func debitPurchaseGroup10() throws {
        var debit = SampleBatches.sale(amount: 4000, kind: .debitPurchase)
        debit.debit = DirectDebit(
            retrievalReferenceNumber: "620712345678", systemTraceAuditNumber: 4711, networkId: "E",
            settlementDate: LocalDate(year: 2026, month: 7, day: 26))
        let p = try RecordProbe(SampleBatches.batch(.retail, [debit]))
        #expect(p.field(2, 5, 5) == "DP@H@")
        #expect(p.field(2, 10, 2) == "93")
        #expect(p.afterBase(2, 0, 23) == "620712345678004711E0726")
    }

    @Test func offlineCreditDefaults() throws {
        let credit = DetailRecord(
            transactionType: .offlineCredit, cardholderId: "@", accountDataSource: "@", cardNumber: CardNumber("5555555555554444"),
            settlementAmount: 1299, transactionDate: LocalDate(year: 2026, month: 7, day: 20),
            transactionTime: TimeOfDay(hour: 12, minute: 0, second: 0), transactionNumber: 9001, authorizationSource: "9",
            posDataCode: "CNPN0100000Z")
        let p = try RecordProbe(SampleBatches.batch(.retail, [SampleBatches.sale(amount: 5000), credit]))
        #expect(p.field(3, 10, 2) == "CR")
        #expect(p.field(3, 37, 1) == " ")
        #expect(p.field(3, 38, 1) == "9")
        #expect(p.field(3, 43, 2) == "  ")
        #expect(p.field(3, 45, 6) == "      ")
        #expect(p.field(3, 62, 15) == "000000000000000")
        #expect(p.field(3, 97, 12) == "000000000000")
        // Hashing adds both; net deposit subtracts the credit.
        #expect(p.field(4, 26, 16) == "0000000000006299")
        #expect(p.field(4, 58, 16) == "0000000000003701")
    }
}
