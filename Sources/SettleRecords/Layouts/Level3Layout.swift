import SettleModel

/// Level III groups: 25 (commercial card, after its purchase fields), 26 (Visa enhanced
/// data, 136 bytes) and 27 (MasterCard enhanced data, 60 bytes).
enum Level3Layout {
    private static func summary(_ d: DetailRecord, _ brand: Level3CardType) -> Level3 { d.level3 ?? Level3(cardType: brand) }

    /// Group 25 after total authorized amount and purchase identifier: taxes and purchase order.
    static func commercialCard<C: FieldCoder>(_ d: inout DetailRecord, _ c: inout C) throws(RecordCodingError) {
        var l3 = summary(d, d.cardNumber.brand == .masterCard ? .masterCard : .visa)
        let number = c.fieldNumber
        var flag: String, tax: Amount
        switch l3.localTax {
        case .notProvided: (flag, tax) = ("0", .zero)
        case .amount(let value): (flag, tax) = ("1", value)
        case .exempt: (flag, tax) = ("2", .zero)
        }
        try c.text(&flag, 1)
        try c.amount(&tax)
        if c.isDecoding {
            switch flag {
            case "0": l3.localTax = .notProvided
            case "1": l3.localTax = .amount(tax)
            case "2": l3.localTax = .exempt
            default: throw RecordCodingError(fieldNumber: number, data: flag, reason: "unknown local tax flag")
            }
        }
        var national = l3.nationalTax != nil
        try c.flag(&national)
        var nationalTax = l3.nationalTax ?? .zero
        try c.amount(&nationalTax)
        if c.isDecoding { l3.nationalTax = national ? nationalTax : nil }
        try c.text(&l3.purchaseOrder, 17)
        if c.isDecoding { d.level3 = l3 }
    }

    static func visaSummary<C: FieldCoder>(_ d: inout DetailRecord, _ c: inout C) throws(RecordCodingError) {
        var l3 = summary(d, .visa)
        l3.cardType = .visa
        try c.text(&l3.merchantTaxId, 20)
        try c.text(&l3.customerTaxId, 13)
        try c.text(&l3.commodityCode, 4)
        try c.amount(&l3.discountAmount)
        try c.amount(&l3.freightAmount)
        try c.amount(&l3.dutyAmount)
        try c.text(&l3.destinationZip, 10)
        try c.text(&l3.shipFromZip, 10)
        try c.text(&l3.destinationCountry, 3)
        try c.text(&l3.taxInvoiceNumber, 15)
        try c.optionalDate(&l3.orderDate, .yearMonthDay)
        try c.amount(&l3.freightTaxAmount)
        try c.number(&l3.freightTaxRate, 4)
        try lineItemCount(&l3, &c)
        if c.isDecoding { d.level3 = l3 }
    }

    static func masterCardSummary<C: FieldCoder>(_ d: inout DetailRecord, _ c: inout C) throws(RecordCodingError) {
        var l3 = summary(d, .masterCard)
        l3.cardType = .masterCard
        try c.amount(&l3.freightAmount)
        try c.amount(&l3.dutyAmount)
        try c.text(&l3.destinationZip, 10)
        try c.text(&l3.shipFromZip, 10)
        try c.text(&l3.destinationCountry, 3)
        // Y: an alternate tax amount is included in the purchase amount.
        var included = l3.alternateTaxAmount != nil
        try c.flag(&included, on: "Y", off: "N")
        var alternate = l3.alternateTaxAmount ?? .zero
        try c.amount(&alternate, 9)
        if c.isDecoding { l3.alternateTaxAmount = included ? alternate : nil }
        try lineItemCount(&l3, &c)
        if c.isDecoding { d.level3 = l3 }
    }

    /// The count of `L` records that follow; the decoder makes room for them.
    private static func lineItemCount<C: FieldCoder>(_ l3: inout Level3, _ c: inout C) throws(RecordCodingError) {
        var count = l3.lineItems.count
        try c.number(&count, 3)
        if c.isDecoding { l3.lineItems = Array(repeating: LineItem(description: "", total: 0), count: count) }
    }
}
