import SettleModel

/// Detail groups 5 (hotel, 52 bytes) and 7 (American Express lodging, 21 bytes).
enum LodgingLayout {
    static func code<C: FieldCoder>(_ d: inout DetailRecord, _ c: inout C) throws(RecordCodingError) {
        try DetailGroupLayouts.purchase(&d, format: "4", &c)
        var lodging = d.lodging ?? Lodging(checkInDate: LocalDate.placeholder)
        try c.text(&lodging.marketSpecificDataIdentifier, 1)
        try c.text(&lodging.noShow, 1)
        try c.leftDigits(&lodging.extraCharges, 6)
        try c.date(&lodging.checkInDate, .yearMonthDay)
        if c.isDecoding { d.lodging = lodging }
    }

    static func amex<C: FieldCoder>(_ d: inout DetailRecord, _ c: inout C) throws(RecordCodingError) {
        var lodging = d.lodging ?? Lodging(checkInDate: LocalDate.placeholder)
        var amex = lodging.amex ?? LodgingAmex(stayDuration: 0, roomRate: 0)
        let number = c.fieldNumber
        var charge = String(amex.chargeType.wireValue)
        try c.text(&charge, 1)
        if c.isDecoding {
            guard let type = HotelChargeType.allCases.first(where: { String($0.wireValue) == charge }) else {
                throw RecordCodingError(fieldNumber: number, data: charge, reason: "unknown hotel charge type")
            }
            amex.chargeType = type
        }
        var checkout = d.transactionDate
        try c.date(&checkout, .yearMonthDay)  // the check-out date is the detail's transaction date
        try c.number(&amex.stayDuration, 2)
        try c.amount(&amex.roomRate)
        lodging.amex = amex
        if c.isDecoding { d.lodging = lodging }
    }
}
