import Foundation
import SettleFraming
import SettleModel
import SettleRecords
import SettleTestSupport
import Testing

/// The production detail groups and header group 6, each field at the position EIS 1081 Table 3.6
/// gives it (`docs/wire/detail-groups.md`). Record 0 is the header, 1 the parameter, 2 the detail.
@Suite struct ExtendedGroupGoldenTests {
    static let facilitatorSale: DetailRecord = {
        var sale = SampleBatches.sale("5555555555554444", kind: .cardNotPresent)
        sale.extended = ExtendedDetail(
            laneId: 12, ucafCollectionIndicator: "2", eCommerceGoodsIndicator: "P",
            location: LocationDetail(name: "MON*BOBS CAR WASH", city: "SEATTLE", region: "WA", country: "840", postalCode: "98101"),
            masterCardServiceCode: "101",
            detailExtension: DetailExtension([.paymentFacilitatorId: "12345678901", .subMerchantId: "SUB0042"]),
            transactionSecurityIndicator: "T", softDescriptor: "ORDER 1234")
        return sale
    }()

    static func gen2Batch(_ details: [DetailRecord], _ industry: IndustryType = .retail) -> Batch {
        var batch = SampleBatches.batch(industry, details)
        batch.settings.genKey = "0123456789ABCDEF01234567"
        return batch
    }

    @Test func aPaymentFacilitatorsEcommerceSaleCarriesGroups11To46InOrder() throws {
        let p = try RecordProbe(Self.gen2Batch([Self.facilitatorSale]))
        // Group map: 11 (byte 3, bit 4), 17 and 18 (byte 2, bits 4 and 5), 23 (byte 1, bit 4).
        #expect(p.field(2, 5, 5) == "DPpP@")
        #expect(p.afterBase(2, 0, 8) == "00000012")  // group 11, lane id, 8 digits
        #expect(p.afterBase(2, 8, 1) == "2")  // group 17, UCAF collection indicator
        #expect(p.afterBase(2, 9, 2) == "P ")  // group 18, goods indicator, left-justified
        // Group 23, the extension map: 45, 46 | 37, 41 | 32, 36 | none.
        #expect(p.afterBase(2, 11, 4) == "LQb@")
        #expect(p.afterBase(2, 15, 12) == "CNPN0100000Z")  // group 32
        // Group 36: name 38, address 38, city 21, region 3, country 3, postal code 15.
        #expect(p.afterBase(2, 27, 38) == "MON*BOBS CAR WASH".padding(toLength: 38, withPad: " ", startingAt: 0))
        #expect(p.afterBase(2, 65, 38) == String(repeating: " ", count: 38))
        #expect(p.afterBase(2, 103, 21) == "SEATTLE".padding(toLength: 21, withPad: " ", startingAt: 0))
        #expect(p.afterBase(2, 124, 3) == "WA ")
        #expect(p.afterBase(2, 127, 3) == "840")
        #expect(p.afterBase(2, 130, 15) == "98101          ")
        #expect(p.afterBase(2, 145, 6) == "001101")  // group 37: version 001, service code
        // Group 41: the length counts its own 4 digits (the default), then tag, size, value.
        #expect(p.afterBase(2, 151, 32) == "0032" + "PFI11" + "12345678901" + "SMI07" + "SUB0042")
        #expect(p.afterBase(2, 183, 1) == "T")  // group 45
        #expect(p.afterBase(2, 184, 25) == "ORDER 1234".padding(toLength: 25, withPad: " ", startingAt: 0))  // group 46
        #expect(p.records[2].utf8.count == 108 + 209)
    }

    @Test func theDetailExtensionLengthCanCountOnlyItsTaggedValues() throws {
        let profile = WireProfile(detailExtensionLengthCountsItself: false)
        let p = try RecordProbe(Self.gen2Batch([Self.facilitatorSale]), profile: profile)
        #expect(p.afterBase(2, 151, 32) == "0028" + "PFI11" + "12345678901" + "SMI07" + "SUB0042")
        #expect(p.afterBase(2, 183, 1) == "T")
        // Each reading decodes only with its own profile: the other one misplaces every later field.
        let encoded = try BatchEncoder(profile: profile).encode(Self.gen2Batch([Self.facilitatorSale]))
        let decoded = try BatchDecoder(profile: profile, referenceDate: SampleBatches.july26).decode(encoded.framed.bytes)
        #expect(decoded.batch.detailRecords[0].extended == Self.facilitatorSale.extended)
        #expect(throws: (any Error).self) { try BatchDecoder(referenceDate: SampleBatches.july26).decode(encoded.framed.bytes) }
    }

    @Test func visaNetworkDataIsGroups14And16And38() throws {
        var sale = SampleBatches.sale()
        sale.extended = ExtendedDetail(serviceDevelopmentIndicator: 7, existingDebt: true, visaCardProductCode: "A")
        let p = try RecordProbe(SampleBatches.batch(.retail, [sale]))
        // 14 (byte 2, bit 1) and 16 (byte 2, bit 3); 23; extension map: 32 | 38.
        #expect(p.field(2, 5, 5) == "DPJ@@")
        #expect(p.afterBase(2, 0, 1) == "7")
        #expect(p.afterBase(2, 1, 1) == "9")
        #expect(p.afterBase(2, 2, 4) == "@BB@")
        #expect(p.afterBase(2, 6, 12) == "CNPN0100000Z")
        #expect(p.afterBase(2, 18, 5) == "001A ")
    }

    @Test func aHotelChargeAwayFromTheFrontDeskOverridesTheCategoryCodeInGroup6() throws {
        var sale = SampleBatches.sale()
        sale.lodging = Lodging(checkInDate: LocalDate(year: 2026, month: 7, day: 20))
        sale.extended = ExtendedDetail(merchantCategoryCodeOverride: "5812")
        let p = try RecordProbe(SampleBatches.batch(.hotel, [sale]))
        #expect(p.field(2, 5, 5) == "DP@@p")  // groups 5 and 6 share the last map byte
        #expect(p.afterBase(2, 52, 4) == "5812")  // after group 5's 52 bytes
    }

    @Test func discoverNetworkDataIsGroup40() throws {
        var sale = SampleBatches.sale("6011000990139424")
        sale.extended = ExtendedDetail(discoverPosDataCode: "0000000010500", discoverPartialShipment: true)
        let p = try RecordProbe(SampleBatches.batch(.retail, [sale]))
        #expect(p.afterBase(2, 4 + 12, 17) == "001" + "0000000010500" + "Y")
        #expect(p.records[2].utf8.count == 108 + 4 + 12 + 17)
    }

    @Test func americanExpressPurchasingExtensionIsGroup39AfterGroup21() throws {
        var sale = SampleBatches.sale("378282246310005")
        sale.level2 = Level2(
            cardType: .americanExpress, amexSupplierNumber: "SUP123", amexChargeDescriptor: "OFFICE SUPPLIES", amexRequesterName: "JANE DOE",
            amexTotalTaxAmount: 412, amexTaxTypeCode: "056")
        let p = try RecordProbe(SampleBatches.batch(.retail, [sale]))
        // 21 (78 bytes), 23, 32, 39: requester name 38, total tax 12, tax type 3.
        #expect(p.afterBase(2, 78 + 4 + 12, 53) == "JANE DOE".padding(toLength: 38, withPad: " ", startingAt: 0) + "000000000412" + "056")
    }

    @Test func theGatewayIdIsHeaderGroup6() throws {
        var batch = SampleBatches.batch(.retail, [SampleBatches.sale()])
        batch.settings.gatewayId = "GW00042"
        let p = try RecordProbe(batch)
        #expect(p.field(0, 1, 9) == "K1.ZH@@@r")  // header groups 2, 5 and 6
        #expect(p.field(0, 98, 10) == "GW00042   ")
        #expect(p.records[0].utf8.count == 107)
        let decoded = try BatchDecoder(referenceDate: SampleBatches.july26).decode(try BatchEncoder().encode(batch).framed.bytes)
        #expect(decoded.batch.settings.gatewayId == "GW00042")
    }

    /// A detail carrying most tags of group 41 and a location: longer than one 640-byte block holds.
    static var oversized: Batch {
        var sale = facilitatorSale
        var tags = sale.extended!.detailExtension
        tags[.customIdentifier] = "CUSORD" + String(repeating: "C", count: 76)
        tags[.purchaseOrderNumber] = String(repeating: "P", count: 25)
        tags[.merchantSellerId] = String(repeating: "S", count: 20)
        tags[.isoId] = "10000000042"
        tags[.tokenRequestorId] = "40010030273"
        tags[.transactionFee] = "D00000150"
        let more: [DetailExtensionTag: String] = [
            .associationTimestamp: "1234567890", .walletIdentifier: "103", .tokenAssuranceLevel: "05", .multiClearingIndicator: "F",
            .accountRangeStatus: "R", .spendQualifiedIndicator: "Q", .iiasIndicator: "1", .domainServer: "2", .mobileDeviceType: "01",
            .paymentTransactionIndicator: "C05", .transitTransactionType: "07", .transportationMode: "22",
        ]
        for (tag, value) in more { tags[tag] = value }
        tags[.subMerchantId] = "SUB000000000042"
        sale.merchantVerificationValue = "A1B2C3D4E5"
        sale.extended?.detailExtension = tags
        sale.extended?.location?.name = "MON*" + String(repeating: "B", count: 18)
        var batch = gen2Batch([sale])
        batch.detailRecords[0].level2 = Level2(cardType: .masterCard, isTaxExempt: true)
        batch.detailRecords[0].extended?.softDescriptor = String(repeating: "D", count: 25)
        return batch
    }

    @Test func aDetailLongerThanOneBlockIsRefusedBeforeEncoding() throws {
        let batch = Self.oversized
        #expect(BatchValidator().validate(batch) == [], "every field is valid on its own")
        #expect(throws: EncodingError.self) { try BatchEncoder().encode(batch) }
        let issues = RecordSizeLimit.issues(in: batch, profile: .standard)
        #expect(issues.map(\.path) == ["/detailRecords/0"])
        #expect(issues.first?.code == .invalidLength)
        // Without the soft descriptor and the long values it fits, and is measured the same way.
        var fits = batch
        fits.detailRecords[0].extended?.detailExtension[.customIdentifier] = nil
        fits.detailRecords[0].extended?.softDescriptor = nil
        #expect(RecordSizeLimit.issues(in: fits, profile: .standard) == [])
        let longest = try RecordProbe(fits).records.map(\.utf8.count).max() ?? 0
        #expect(longest <= RecordSizeLimit.longestRecord())
    }

    @Test func theDecoderRefusesLettersInANumericTagAndABrokenGroupLength() throws {
        var sale = Self.facilitatorSale
        sale.extended?.detailExtension[.isoId] = "1000000004A"
        let wrong = try BatchEncoder().encodeValidated(Self.gen2Batch([sale]))
        #expect(throws: (any Error).self) { try BatchDecoder(referenceDate: SampleBatches.july26).decode(wrong.framed.bytes) }
        let right = try BatchEncoder().encodeValidated(Self.gen2Batch([Self.facilitatorSale]))
        var bytes = right.framed.bytes
        // The group length "0032" becomes "0099": past the record's end.
        let text = String(decoding: bytes.map { $0 & 0x7F }, as: UTF8.self)
        let at = try #require(text.range(of: "0032PFI")).lowerBound.utf16Offset(in: text)
        for (offset, digit) in "0099".utf8.enumerated() { bytes[at + offset] = digit | (bytes[at + offset] & 0x80) }
        #expect(throws: (any Error).self) { try BatchDecoder(referenceDate: SampleBatches.july26).decode(bytes) }
    }

    /// The masker splits records by the profile's reading of group 41, so every card number after a
    /// detail extension is still found and masked whichever reading is configured.
    @Test(arguments: [true, false])
    func cardNumbersAfterADetailExtensionAreMaskedUnderEitherReading(countsItself: Bool) throws {
        let profile = WireProfile(detailExtensionLengthCountsItself: countsItself)
        let batch = Self.gen2Batch([Self.facilitatorSale, SampleBatches.sale(number: 2), Self.facilitatorSale])
        let encoded = try BatchEncoder(profile: profile).encode(batch)
        let shown = (0..<encoded.framed.blockCount).map { PacketMasker.visible(block: encoded.framed.block($0), profile: profile) }.joined()
        #expect(!shown.contains("5555555555554444"))
        #expect(!shown.contains("4111111111111111"))
        #expect(shown.contains("555555******4444") && shown.contains("411111******1111"))
    }

    @Test func americanExpressChargeDescriptors2To4AreGroup30() throws {
        var sale = SampleBatches.sale("378282246310005")
        sale.level2 = Level2(
            cardType: .americanExpress, amexChargeDescriptor: "OFFICE CHAIRS", amexChargeDescriptor2: "DESKS", amexChargeDescriptor4: "LAMPS")
        let p = try RecordProbe(SampleBatches.batch(.retail, [sale]))
        // 21 (78 bytes), 23, 30 (three descriptors of 40), 32.
        let pad = { (text: String) in text.padding(toLength: 40, withPad: " ", startingAt: 0) }
        #expect(p.afterBase(2, 78 + 4, 120) == pad("DESKS") + pad("") + pad("LAMPS"))
        #expect(p.afterBase(2, 78 + 4 + 120, 12) == "CNPN0100000Z")
    }

    @Test func anAmericanExpressRentalIsGroup42WithCenturyDatesAndTimes() throws {
        var sale = SampleBatches.sale("378282246310005")
        sale.purchaseIdentifier = "RA-7781"
        sale.autoRental = AutoRental(
            rentalDate: LocalDate(year: 2026, month: 7, day: 20),
            amex: AmexAutoRental(
                agreementNumber: "RA-7781", pickupLocation: "LAX AIRPORT", pickupCity: "LOS ANGELES", pickupRegion: "CA",
                pickupDate: LocalDate(year: 2026, month: 7, day: 20), pickupTime: TimeOfDay(hour: 9, minute: 5, second: 0),
                returnCity: "SAN DIEGO", returnRegion: "CA", returnDate: LocalDate(year: 2026, month: 7, day: 25),
                returnTime: TimeOfDay(hour: 17, minute: 30, second: 15), renterName: "JOHN SMITH", vehicleClassId: "0004", distance: 412,
                distanceUnit: "M", auditAdjustmentIndicator: "Y", auditAdjustmentAmount: 1500))
        let p = try RecordProbe(SampleBatches.batch(.autoRental, [sale]))
        // 4 (52 bytes), 23, 32, 42.
        let g = 52 + 4 + 12
        #expect(p.afterBase(2, g, 14) == "RA-7781       ")
        #expect(p.afterBase(2, g + 14, 38) == "LAX AIRPORT".padding(toLength: 38, withPad: " ", startingAt: 0))
        #expect(p.afterBase(2, g + 52, 18) == "LOS ANGELES       ")
        #expect(p.afterBase(2, g + 70, 6) == "CA 840")
        #expect(p.afterBase(2, g + 76, 14) == "20260720" + "090500")
        #expect(p.afterBase(2, g + 90, 24) == "SAN DIEGO         " + "CA 840")
        #expect(p.afterBase(2, g + 114, 14) == "20260725" + "173015")
        #expect(p.afterBase(2, g + 128, 26) == "JOHN SMITH".padding(toLength: 26, withPad: " ", startingAt: 0))
        #expect(p.afterBase(2, g + 154, 23) == "0004" + "00412" + "M" + "Y" + "000000001500")
        #expect(p.records[2].utf8.count == 108 + g + 177)
    }

    @Test func anAmericanExpressInsurancePremiumIsGroup43() throws {
        var sale = SampleBatches.sale("378282246310005")
        sale.extended = ExtendedDetail(
            amexInsurance: AmexInsurance(
                policyNumber: "POL-99812", coverageStartDate: LocalDate(year: 2026, month: 8, day: 1),
                coverageEndDate: LocalDate(year: 2027, month: 7, day: 31), premiumFrequency: "MONTHLY", policyType: "AUTO",
                insuredName: "JANE DOE"))
        let p = try RecordProbe(SampleBatches.batch(.retail, [sale]))
        // 23, 32, 43: policy 23, start 8, end 8, frequency 7, second policy 23, type 25, insured 30.
        let g = 4 + 12
        #expect(p.afterBase(2, g, 23) == "POL-99812".padding(toLength: 23, withPad: " ", startingAt: 0))
        #expect(p.afterBase(2, g + 23, 16) == "20260801" + "20270731")
        #expect(p.afterBase(2, g + 39, 7) == "MONTHLY")
        #expect(p.afterBase(2, g + 46, 23) == String(repeating: " ", count: 23))
        #expect(p.afterBase(2, g + 69, 25) == "AUTO".padding(toLength: 25, withPad: " ", startingAt: 0))
        #expect(p.afterBase(2, g + 94, 30) == "JANE DOE".padding(toLength: 30, withPad: " ", startingAt: 0))
        #expect(p.records[2].utf8.count == 108 + g + 124)
    }

    @Test(arguments: [8, 15, 19, 24, 28, 44, 47, 48])
    func retiredReservedAndInternalGroupsAreRefusedWithTheReason(group: Int) {
        #expect(DetailGroupNames.unsupported(group).hasPrefix("detail group \(group) is not supported ("))
    }

    static let retailAdvice: DetailRecord = {
        var sale = SampleBatches.sale("378282246310005", amount: 5000)
        sale.extended = ExtendedDetail(
            amexTransactionAdvice: AmexTransactionAdvice(
                retailDepartmentName: "HOUSEWARES",
                additionalAmounts: [.init(type: "013", amount: 350), .init(type: "001", amount: 100, isCredit: true)],
                retailItems: [.init(description: "KETTLE", quantity: 2, unitAmount: 1500), .init(description: "TOASTER", unitAmount: 1650)]))
        return sale
    }()

    @Test func retailTransactionAdviceIsGroups33And35AndOneARecordPerLine() throws {
        let p = try RecordProbe(SampleBatches.batch(.retail, [Self.retailAdvice, SampleBatches.sale(number: 2)]))
        // 23, 32, 33 (40), 35 (TAD count 3 + TAA count 3).
        #expect(p.afterBase(2, 16, 40) == "HOUSEWARES".padding(toLength: 40, withPad: " ", startingAt: 0))
        #expect(p.afterBase(2, 56, 6) == "002" + "002")
        // TAD lines first, then the retail addenda: 28 and 46 bytes.
        #expect(p.records[3] == "K1.ZA@@@@" + "TAD" + "013" + "000000000350" + "+")
        #expect(p.records[4] == "K1.ZA@@@@" + "TAD" + "001" + "000000000100" + "-")
        #expect(p.records[5] == "K1.ZA@@@@" + "RET" + "KETTLE             " + "002" + "000000001500")
        #expect(p.records[6] == "K1.ZA@@@@" + "RET" + "TOASTER            " + "001" + "000000001650")
        #expect(p.records[7].hasPrefix("K1.ZD"), "the next detail follows its advice records")
        // Every record counts in the trailer, and an RB on an advice record names its detail.
        let encoded = try BatchEncoder().encode(SampleBatches.batch(.retail, [Self.retailAdvice, SampleBatches.sale(number: 2)]))
        #expect(encoded.totals.recordCount == 9)
        #expect(encoded.sequenceMap.detailIndex(forSequence: 7) == 0)
        #expect(encoded.sequenceMap.detailIndex(forSequence: 8) == 1)
    }

    @Test func lodgingAndChargeItemAdviceHaveTheirOwnLayouts() throws {
        var stay = Self.retailAdvice
        stay.extended?.amexTransactionAdvice = AmexTransactionAdvice(
            lodgingRenterName: "JOHN SMITH", lodgingItems: [.init(roomRate: 18900, nights: 3)])
        stay.lodging = Lodging(checkInDate: LocalDate(year: 2026, month: 7, day: 22))
        stay.purchaseIdentifier = "FOLIO-1"
        let lodging = try RecordProbe(SampleBatches.batch(.hotel, [stay]))
        // 5 (52 bytes), 23, 32, 34 (renter name, 26), 35 (no TAD, one addendum).
        #expect(lodging.afterBase(2, 68, 26) == "JOHN SMITH".padding(toLength: 26, withPad: " ", startingAt: 0))
        #expect(lodging.afterBase(2, 94, 6) == "000" + "001")
        #expect(lodging.records[3] == "K1.ZA@@@@" + "LOD" + "000000018900" + "03")
        var purchase = Self.retailAdvice
        purchase.level2 = Level2(cardType: .americanExpress, amexRequesterName: "JANE DOE", amexTotalTaxAmount: 0, amexTaxTypeCode: "056")
        purchase.extended?.amexTransactionAdvice = AmexTransactionAdvice(chargeItems: [.init(quantity: 4, unitAmount: 1250)])
        let charges = try RecordProbe(SampleBatches.batch(.retail, [purchase]))
        #expect(charges.records[3] == "K1.ZA@@@@" + "CPS" + "004" + "000000001250")
    }

    static let canadianSale: DetailRecord = {
        var sale = SampleBatches.sale("5555555555554444")
        sale.extended = ExtendedDetail(canadianTaxes: [
            CanadianTax(amount: 325, rate: 5000, rateExponent: 3, typeIdentifier: "01"),
            CanadianTax(isIncluded: false, amount: 0, rate: 9975, rateExponent: 3, typeApplied: "QST", typeIdentifier: "03"),
        ])
        return sale
    }()

    static var canadianBatch: Batch {
        var batch = SampleBatches.batch(.retail, [canadianSale])
        (batch.merchant.countryCode, batch.merchant.currencyCode) = ("124", "124")
        return batch
    }

    @Test(arguments: ["X", "L"])
    func canadianTaxesAreGroup29AndOneRecordEachOfTheConfiguredType(type: String) throws {
        let profile = WireProfile(canadianTaxRecordType: Character(type))
        let p = try RecordProbe(Self.canadianBatch, profile: profile)
        // Group 29 (byte 1 of the extension map) holds the count.
        #expect(p.afterBase(2, 4, 1) == "2")
        #expect(p.records[3] == "K1.Z\(type)@@@@" + "Y" + "000000000325" + "05000" + "3" + "    " + "01")
        #expect(p.records[4] == "K1.Z\(type)@@@@" + "N" + "000000000000" + "09975" + "3" + "QST " + "03")
        // Either type decodes, whatever the reader's own setting.
        let encoded = try BatchEncoder(profile: profile).encode(Self.canadianBatch)
        let decoded = try BatchDecoder(referenceDate: SampleBatches.july26).decode(encoded.framed.bytes)
        #expect(decoded.batch.detailRecords[0].extended == Self.canadianSale.extended)
    }

    @Test func aMissingAdviceRecordIsASequenceError() throws {
        let batch = SampleBatches.batch(.retail, [Self.retailAdvice])
        let records = try RecordProbe(batch).records.map { Array($0.utf8) }
        let decoder = BatchDecoder(referenceDate: SampleBatches.july26)
        #expect(try decoder.decode(records: records, blockCount: 1).batch.detailRecords == batch.detailRecords)
        var dropped = records
        dropped.remove(at: 6)  // the second RET record: group 35 still counts it
        do {
            _ = try decoder.decode(records: dropped, blockCount: 1)
            Issue.record("a batch missing an advice record decoded")
        } catch {
            #expect(error.kind == .sequence)
            #expect(error.sequenceNumber == 7)
        }
    }

    /// Header groups 1-6 together fill their map byte: `0x40 | 0x3F` is DEL, which §4.230.1's
    /// encoding gives and the writer sends.
    @Test func aHeaderWithAllSixGroupsSendsDELAsItsMapByte() throws {
        var batch = SampleBatches.batch(.passengerTransport, [SampleBatches.sale()])
        batch.detailRecords[0].passengerTransport = PassengerTransport(
            ticketNumber: "8382152100395", passengerName: "JOHN SMITH", departureDate: LocalDate(year: 2026, month: 8, day: 1),
            origin: "JFK", legs: [TripLeg(carrier: "DL", serviceClass: "C", stopOver: "X", destination: "LAX")])
        batch.travelAgency = TravelAgency(code: "AG1", name: "AGENCY")
        batch.settings.amexAggregatorName = "AGGREGATOR"
        batch.settings.genKey = "0123456789ABCDEF01234567"
        batch.settings.gatewayId = "GW1"
        let p = try RecordProbe(batch)
        #expect(p.field(0, 5, 5) == "H@@@\u{7F}")
        let decoded = try BatchDecoder(referenceDate: SampleBatches.july26).decode(try BatchEncoder().encode(batch).framed.bytes)
        #expect(decoded.batch.settings == batch.settings)
        #expect(decoded.batch.travelAgency == batch.travelAgency)
    }
}
