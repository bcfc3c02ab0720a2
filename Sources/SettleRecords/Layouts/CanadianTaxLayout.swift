import SettleModel

/// The Canadian tax line item record (EIS 1081 §3.2.12, Table 3.12): 34 bytes. Its record type
/// letter is uncertain (`L` in Table 3.12, `X` in Table 4.49): the profile says which is sent, and
/// either is read. As an `L` record it is told from a Level III line item by byte 10, the tax amount
/// indicator `Y`/`N`, where a line item has its card type (`VISA`, `MCRD`).
enum CanadianTaxLayout {
    static let length = 34

    static func code<C: FieldCoder>(
        _ tax: inout CanadianTax, profile: WireProfile, applicationType: inout Character, _ c: inout C
    ) throws(RecordCodingError) {
        try RecordPrefix.code(applicationType: &applicationType, &c)
        let number = c.fieldNumber
        var type = String(profile.canadianTaxRecordType) + "@@@@"
        try c.text(&type, 5)
        if c.isDecoding && type != "X@@@@" && type != "L@@@@" {
            throw RecordCodingError(fieldNumber: number, data: type, reason: "expected a Canadian tax record (X@@@@ or L@@@@)")
        }
        let indicatorField = c.fieldNumber
        var indicator = tax.isIncluded ? "Y" : "N"
        try c.text(&indicator, 1)
        if c.isDecoding {
            guard indicator == "Y" || indicator == "N" else {
                throw RecordCodingError(fieldNumber: indicatorField, data: indicator, reason: "tax amount indicator must be Y or N")
            }
            tax.isIncluded = indicator == "Y"
        }
        try c.amount(&tax.amount)
        try c.number(&tax.rate, 5)
        try c.number(&tax.rateExponent, 1)
        try c.text(&tax.typeApplied, 4)
        try c.numericText(&tax.typeIdentifier, 2)
    }
}
