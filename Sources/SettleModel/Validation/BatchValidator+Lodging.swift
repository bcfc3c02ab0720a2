extension BatchValidator {
    func checkLodging(_ d: DetailRecord, at p: JSONPath, industry: IndustryType, _ c: inout IssueCollector) {
        guard let lodging = d.lodging else {
            if industry == .hotel { c.report(.missingOrErroneousValue, p + "/lodging", "is required in hotel batches (detail group 5)") }
            return
        }
        let q = p + "/lodging"
        if industry != .hotel { c.report(.missingOrErroneousValue, q, "is only sent in hotel batches") }
        c.shortYearDate(lodging.checkInDate, q + "/checkInDate")
        if lodging.checkInDate.isValid && d.transactionDate.isValid && lodging.checkInDate > d.transactionDate {
            c.report(.outOfRange, q + "/checkInDate", "must not be after the check-out date (transactionDate)")
        }
        checkExtraCharges(lodging.extraCharges, q + "/extraCharges", allowed: Self.hotelExtraCharges, &c)
        c.code(lodging.marketSpecificDataIdentifier, q + "/marketSpecificDataIdentifier", in: Codes.hotelIdentifier, required: false)
        let isAmex = d.cardNumber.brand == .americanExpress
        guard let amex = lodging.amex else {
            c.code(lodging.noShow, q + "/noShow", in: Codes.noShow)
            return
        }
        if !isAmex { c.report(.missingOrErroneousValue, q + "/amex", "is only sent for American Express cards") }
        // Class reference HotelChargeType: hotel charges pair with no-show ' ', '2' or '3'; others with '1'.
        if amex.chargeType == .hotel {
            c.code(lodging.noShow, q + "/noShow", in: Codes.amexHotelNoShow, required: false)
        } else if lodging.noShow != "1" {
            c.report(.missingOrErroneousValue, q + "/noShow", "must be '1' when the Amex charge type is not hotel")
        }
        c.range(amex.stayDuration, q + "/amex/stayDuration", 0...99)
        c.amount(amex.roomRate, q + "/amex/roomRate")
    }
}
