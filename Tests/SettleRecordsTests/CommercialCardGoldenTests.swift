import SettleModel
import SettleRecords
import SettleTestSupport
import Testing

/// Level II (groups 22, 21) and Level III (groups 25, 26, 27 and `L` records), field by field.
@Suite struct CommercialCardGoldenTests {
    @Test func visaLevel2IsGroup22() throws {
        var sale = SampleBatches.sale(amount: 10000)
        sale.level2 = Level2(cardType: .visa, localSalesTax: 825, purchaseOrderNumber: "PO-2026-0042")
        let p = try RecordProbe(SampleBatches.batch(.retail, [sale]))
        #expect(p.field(2, 5, 5) == "DX@@@")  // groups 22 (0x08) and 23 (0x10)
        #expect(p.afterBase(2, 0, 30) == "1000000000825PO-2026-0042     ")
    }

    @Test func taxExemptLevel2SendsIdentifier2() throws {
        var sale = SampleBatches.sale("5555555555554444", amount: 10000)
        sale.level2 = Level2(cardType: .masterCard, isTaxExempt: true, purchaseOrderNumber: "X")
        #expect(try RecordProbe(SampleBatches.batch(.retail, [sale])).afterBase(2, 0, 14) == "2000000000000X")
    }

    @Test func amexLevel2IsGroup21() throws {
        var sale = SampleBatches.sale("378282246310005", amount: 7500)
        sale.level2 = Level2(
            cardType: .americanExpress, amexSupplierNumber: "SUP244568", amexCardholderReference: "INV12345678",
            amexShippedToZip: "27709", amexSalesTax: 373, amexChargeDescriptor: "OFFICE SUPPLIES")
        let p = try RecordProbe(SampleBatches.batch(.retail, [sale]))
        #expect(p.field(2, 5, 5) == "DT@@@")  // groups 21 (0x04) and 23 (0x10)
        #expect(p.afterBase(2, 0, 9) == "SUP244568")
        #expect(p.afterBase(2, 9, 17) == "INV12345678      ")
        #expect(p.afterBase(2, 26, 6) == "27709 ")
        #expect(p.afterBase(2, 32, 6) == "000373")
        #expect(p.afterBase(2, 38, 40) == "OFFICE SUPPLIES" + String(repeating: " ", count: 25))
    }

    func visaLevel3Sale() -> DetailRecord {
        var sale = SampleBatches.sale(amount: 5300)
        sale.purchaseIdentifier = "INV-7731"
        sale.level3 = Level3(
            cardType: .visa, localTax: .exempt, nationalTax: 0, purchaseOrder: "purchOrdNum", freightAmount: 150, dutyAmount: 0,
            destinationZip: "27709", shipFromZip: "27713", destinationCountry: "840", merchantTaxId: "merchantTaxId",
            customerTaxId: "customerTaxId", commodityCode: "fake", discountAmount: 25, taxInvoiceNumber: "VATInvoiceRef",
            orderDate: LocalDate(year: 2026, month: 5, day: 26), freightTaxAmount: 12, freightTaxRate: 800,
            lineItems: [
                LineItem(
                    commodityCode: "fake", description: "hardware", productCode: "PC-123", quantity: 25_000, unitOfMeasure: "each",
                    unitCost: 1320, taxAmount: 0, taxRate: 0, discountAmount: 0, total: 3300),
                LineItem(description: "cable", quantity: 10_000, unitCost: 2000, total: 2000),
            ])
        return sale
    }

    @Test func visaLevel3Groups25And26() throws {
        let p = try RecordProbe(SampleBatches.batch(.retail, [visaLevel3Sale()]))
        #expect(p.field(0, 1, 3) == "K5.")  // application type 5 on every record
        #expect(p.records.allSatisfy { $0.hasPrefix("K5.Z") })
        #expect(p.field(2, 5, 5) == "DP@@@")
        #expect(p.afterBase(2, 0, 4) == "@@BC")  // extension: 25, 26, 32
        // Group 25 (81).
        #expect(p.afterBase(2, 4, 12) == "000000005300")
        #expect(p.afterBase(2, 16, 1) == "1")
        #expect(p.afterBase(2, 17, 25) == "INV-7731                 ")
        #expect(p.afterBase(2, 42, 1) == "2")  // local tax: exempt
        #expect(p.afterBase(2, 43, 12) == "000000000000")
        #expect(p.afterBase(2, 55, 1) == "1")  // national tax included
        #expect(p.afterBase(2, 56, 12) == "000000000000")
        #expect(p.afterBase(2, 68, 17) == "purchOrdNum      ")
        // Group 26 (136) starts at offset 85.
        let v = 85
        #expect(p.afterBase(2, v, 20) == "merchantTaxId       ")
        #expect(p.afterBase(2, v + 20, 13) == "customerTaxId")
        #expect(p.afterBase(2, v + 33, 4) == "fake")
        #expect(p.afterBase(2, v + 37, 12) == "000000000025")
        #expect(p.afterBase(2, v + 49, 12) == "000000000150")
        #expect(p.afterBase(2, v + 61, 12) == "000000000000")
        #expect(p.afterBase(2, v + 73, 10) == "27709     ")
        #expect(p.afterBase(2, v + 83, 10) == "27713     ")
        #expect(p.afterBase(2, v + 93, 3) == "840")
        #expect(p.afterBase(2, v + 96, 15) == "VATInvoiceRef  ")
        #expect(p.afterBase(2, v + 111, 6) == "260526")
        #expect(p.afterBase(2, v + 117, 12) == "000000000012")
        #expect(p.afterBase(2, v + 129, 4) == "0800")
        #expect(p.afterBase(2, v + 133, 3) == "002")
        #expect(p.records[2].count == 108 + 4 + 81 + 136 + 12)
        // Visa line item, Table 3.10: 148 bytes.
        #expect(p.records[3].count == 148)
        #expect(p.field(3, 1, 9) == "K5.ZL@@@@")
        #expect(p.field(3, 10, 4) == "VISA")
        #expect(p.field(3, 14, 12) == "fake        ")
        #expect(p.field(3, 26, 35) == "hardware" + String(repeating: " ", count: 27))
        #expect(p.field(3, 61, 12) == "PC-123      ")
        #expect(p.field(3, 73, 12) == "000000025000")  // 2.5 with four implied decimals
        #expect(p.field(3, 85, 12) == "each        ")
        #expect(p.field(3, 97, 12) == "000000132000")  // $13.20 with four implied decimals
        #expect(p.field(3, 137, 12) == "000000003300")
        #expect(p.records[5].hasPrefix("K5.ZT@@@@"))
        #expect(p.field(5, 17, 9) == "000000006")  // line items count as records
    }

    func masterCardLevel3Sale() -> DetailRecord {
        var sale = SampleBatches.sale("5555555555554444", amount: 4197)
        sale.level3 = Level3(
            cardType: .masterCard, localTax: .amount(312), purchaseOrder: "PO-88", destinationZip: "27713", shipFromZip: "27709",
            destinationCountry: "840", alternateTaxAmount: 5,
            lineItems: [
                LineItem(
                    description: "T-SHIRT", productCode: "TS-01", quantity: 30_000, unitOfMeasure: "EA", taxAmount: 312, taxRate: 825,
                    discountAmount: 100, total: 4197, debitCreditIndicator: "D", alternateTaxId: "ALT1", taxType: "VAT",
                    discountIndicator: "Y", netGrossIndicator: "Y", discountRate: 250)
            ])
        return sale
    }

    @Test func masterCardLevel3Group27AndLineItem() throws {
        let p = try RecordProbe(SampleBatches.batch(.retail, [masterCardLevel3Sale()]))
        #expect(p.afterBase(2, 0, 4) == "@@BE")  // 25, 27, 32
        #expect(p.afterBase(2, 42, 1) == "1")
        #expect(p.afterBase(2, 43, 12) == "000000000312")
        let m = 85
        #expect(p.afterBase(2, m, 12) == "000000000000")
        #expect(p.afterBase(2, m + 24, 10) == "27713     ")
        #expect(p.afterBase(2, m + 44, 3) == "840")
        #expect(p.afterBase(2, m + 47, 1) == "Y")
        #expect(p.afterBase(2, m + 48, 9) == "000000005")
        #expect(p.afterBase(2, m + 57, 3) == "001")
        // MasterCard line item, §6.7, with the default 35-character description: 150 bytes.
        #expect(p.records[3].count == 150)
        #expect(p.field(3, 10, 4) == "MCRD")
        #expect(p.field(3, 14, 35) == "T-SHIRT" + String(repeating: " ", count: 28))
        #expect(p.field(3, 49, 12) == "TS-01       ")
        #expect(p.field(3, 61, 12) == "000000030000")
        #expect(p.field(3, 73, 12) == "EA          ")
        #expect(p.field(3, 85, 15) == "ALT1           ")
        #expect(p.field(3, 100, 4) == "0825")
        #expect(p.field(3, 104, 4) == "VAT ")
        #expect(p.field(3, 108, 12) == "000000000312")
        #expect(p.field(3, 120, 1) == "Y")
        #expect(p.field(3, 121, 1) == "Y")
        #expect(p.field(3, 122, 9) == "000004197")
        #expect(p.field(3, 131, 1) == "D")
        #expect(p.field(3, 132, 12) == "000000000100")
        #expect(p.field(3, 144, 5) == "00250")
        #expect(p.field(3, 149, 2) == "42")
    }

    /// The spec's byte ranges imply a 36-character description (§2.6, M): the setting moves every later field by one.
    @Test func masterCardDescriptionLengthIsASetting() throws {
        let profile = WireProfile(masterCardLineItemDescriptionLength: 36)
        let p = try RecordProbe(SampleBatches.batch(.retail, [masterCardLevel3Sale()]), profile: profile)
        #expect(p.records[3].count == 151)
        #expect(p.field(3, 14, 36) == "T-SHIRT" + String(repeating: " ", count: 29))
        #expect(p.field(3, 50, 12) == "TS-01       ")
        #expect(p.field(3, 150, 2) == "42")
    }
}
