import SettleModel

/// Level II groups: 22 (US Visa / MasterCard, 30 bytes) and 21 (American Express, 78 bytes).
enum Level2Layout {
    static func code<C: FieldCoder>(group: Int, _ d: inout DetailRecord, _ c: inout C) throws(RecordCodingError) {
        let brand: Level2CardType = group == 21 ? .americanExpress : d.cardNumber.brand == .masterCard ? .masterCard : .visa
        var l2 = d.level2 ?? Level2(cardType: brand)
        if group == 21 { try amex(&l2, &c) } else { try commercial(&l2, &c) }
        if c.isDecoding { d.level2 = l2 }
    }

    /// Group 22: optional amount identifier (`0` none, `1` local sales tax, `2` exempt), amount, customer reference.
    private static func commercial<C: FieldCoder>(_ l2: inout Level2, _ c: inout C) throws(RecordCodingError) {
        let number = c.fieldNumber
        var identifier = l2.isTaxExempt ? "2" : l2.localSalesTax != nil ? "1" : "0"
        try c.text(&identifier, 1)
        var tax = l2.localSalesTax ?? .zero
        try c.amount(&tax)
        try c.text(&l2.purchaseOrderNumber, 17)
        guard c.isDecoding else { return }
        switch identifier {
        case "0": (l2.isTaxExempt, l2.localSalesTax) = (false, nil)
        case "1": (l2.isTaxExempt, l2.localSalesTax) = (false, tax)
        case "2": (l2.isTaxExempt, l2.localSalesTax) = (true, nil)
        default: throw RecordCodingError(fieldNumber: number, data: identifier, reason: "unknown optional amount identifier")
        }
    }

    /// Group 30: American Express CPC charge descriptors 2, 3 and 4 (descriptor 1 is in group 21).
    static func amexChargeDescriptors<C: FieldCoder>(_ d: inout DetailRecord, _ c: inout C) throws(RecordCodingError) {
        var l2 = d.level2 ?? Level2(cardType: .americanExpress)
        try c.text(&l2.amexChargeDescriptor2, 40)
        try c.text(&l2.amexChargeDescriptor3, 40)
        try c.text(&l2.amexChargeDescriptor4, 40)
        if c.isDecoding { d.level2 = l2 }
    }

    /// Group 21: supplier number, cardholder reference, shipped-to ZIP, sales tax, charge descriptor.
    private static func amex<C: FieldCoder>(_ l2: inout Level2, _ c: inout C) throws(RecordCodingError) {
        try c.text(&l2.amexSupplierNumber, 9)
        try c.text(&l2.amexCardholderReference, 17)
        try c.text(&l2.amexShippedToZip, 6)
        var tax = l2.amexSalesTax ?? .zero
        try c.amount(&tax, 6)
        if c.isDecoding { l2.amexSalesTax = tax == .zero ? nil : tax }
        try c.text(&l2.amexChargeDescriptor, 40)
    }
}
