import SettleModel

/// Level III line-item records (`L@@@@`, EIS 1081 Tables 3.10 and §6.7): Visa 148 bytes,
/// MasterCard 150 (151 with a 36-character description).
enum LineItemLayout {
    static let visaLength = 148

    static func masterCardLength(_ profile: WireProfile) -> Int { 115 + profile.masterCardLineItemDescriptionLength }

    static func code<C: FieldCoder>(
        _ item: inout LineItem, brand: inout Level3CardType, profile: WireProfile, applicationType: inout Character, _ c: inout C
    ) throws(RecordCodingError) {
        try RecordPrefix.code(applicationType: &applicationType, &c)
        var none = GroupSet()
        try GroupMapCoding.code(.lineItem, groups: &none, &c)
        let number = c.fieldNumber
        var cardType = brand == .visa ? "VISA" : "MCRD"
        try c.text(&cardType, 4)
        if c.isDecoding {
            switch cardType {
            case "VISA": brand = .visa
            case "MCRD": brand = .masterCard
            default: throw RecordCodingError(fieldNumber: number, data: cardType, reason: "unknown line item card type")
            }
        }
        if brand == .visa { try visa(&item, &c) } else { try masterCard(&item, profile, &c) }
    }

    private static func visa<C: FieldCoder>(_ item: inout LineItem, _ c: inout C) throws(RecordCodingError) {
        try c.text(&item.commodityCode, 12)
        try c.text(&item.description, 35)
        try c.text(&item.productCode, 12)
        try c.digits(&item.quantity, 12)  // four implied decimals, as the model keeps it
        try c.text(&item.unitOfMeasure, 12)
        var unitCost = item.unitCost.minorUnits * 100  // four implied decimals on the wire
        try c.digits(&unitCost, 12)
        if c.isDecoding { item.unitCost = Amount(minorUnits: unitCost / 100) }
        try c.amount(&item.taxAmount)
        try c.number(&item.taxRate, 4)
        try c.amount(&item.discountAmount)
        try c.amount(&item.total)
    }

    private static func masterCard<C: FieldCoder>(_ item: inout LineItem, _ profile: WireProfile, _ c: inout C) throws(RecordCodingError) {
        try c.text(&item.description, profile.masterCardLineItemDescriptionLength)
        try c.text(&item.productCode, 12)
        var quantity = item.quantity
        try c.digits(&quantity, 12)
        try c.text(&item.unitOfMeasure, 12)
        try c.text(&item.alternateTaxId, 15)
        try c.number(&item.taxRate, 4)
        try c.text(&item.taxType, 4)
        try c.amount(&item.taxAmount)
        try c.text(&item.discountIndicator, 1)
        try c.text(&item.netGrossIndicator, 1)
        try c.amount(&item.total, 9)
        try c.text(&item.debitCreditIndicator, 1)
        try c.amount(&item.discountAmount)
        try c.number(&item.discountRate, 5)
        // Quantity is always sent with four decimals; the discount amount is in minor units.
        var quantityExponent = "4", discountExponent = "2"
        try c.text(&quantityExponent, 1)
        try c.text(&discountExponent, 1)
        if c.isDecoding {
            let exponent = Int(quantityExponent) ?? 0
            var scaled = quantity
            for _ in 0..<max(0, 4 - exponent) { scaled *= 10 }
            item.quantity = scaled
        }
    }
}
