extension BatchValidator {
    func checkAutoRental(_ d: DetailRecord, at p: JSONPath, industry: IndustryType, _ c: inout IssueCollector) {
        guard let rental = d.autoRental else {
            if industry == .autoRental {
                c.report(.missingOrErroneousValue, p + "/autoRental", "is required in auto rental batches (detail group 4)")
            }
            return
        }
        let q = p + "/autoRental"
        if industry != .autoRental { c.report(.missingOrErroneousValue, q, "is only sent in auto rental batches") }
        // American Express rentals carry their own layout, group 42 (§4.27); other brands use 4 and 13.
        let amex = d.cardNumber.brand == .americanExpress
        if amex && rental.amex == nil {
            c.report(.missingOrErroneousValue, q + "/amex", "is required for an American Express rental (detail group 42)")
        } else if !amex && rental.amex != nil {
            c.report(.missingOrErroneousValue, q + "/amex", "is for American Express cards only (detail group 42)")
        }
        if let a = rental.amex {
            checkAmexAutoRental(a, at: q + "/amex", &c)
            for (name, value) in [("agreementNumber", a.agreementNumber), ("pickupLocation", a.pickupLocation), ("renterName", a.renterName)] {
                c.withoutCardNumber(value, q + "/amex/" + name, card: d.cardNumber.digits)
            }
        }
        c.shortYearDate(rental.rentalDate, q + "/rentalDate")
        if rental.rentalDate.isValid && d.transactionDate.isValid && rental.rentalDate > d.transactionDate {
            c.report(.outOfRange, q + "/rentalDate", "must not be after the return date (transactionDate)")
        }
        checkExtraCharges(rental.extraCharges, q + "/extraCharges", allowed: Self.autoRentalExtraCharges, &c)
        c.code(rental.marketSpecificDataIdentifier, q + "/marketSpecificDataIdentifier", in: Codes.autoRentalIdentifier, required: false)
        if let back = rental.returnDetails {
            c.text(back.renterName, q + "/returnDetails/renterName", length: 20)
            c.text(back.returnCity, q + "/returnDetails/returnCity", length: 18)
            c.text(back.returnStateOrCountry, q + "/returnDetails/returnStateOrCountry", length: 3, allowed: .alphanumeric)
            c.text(back.returnLocationId, q + "/returnDetails/returnLocationId", length: 10)
        }
    }

    /// Vehicle classes of §4.27.14: 0001-0032 and 9999 (miscellaneous); empty is unused.
    static let vehicleClasses = CodeSet((1...32).map { String(format4: $0) } + ["9999"])

    /// Group 42 (§4.27).
    private func checkAmexAutoRental(_ a: AmexAutoRental, at q: JSONPath, _ c: inout IssueCollector) {
        c.text(a.agreementNumber, q + "/agreementNumber", length: 14, required: true)
        c.text(a.pickupLocation, q + "/pickupLocation", length: 38)
        c.text(a.pickupCity, q + "/pickupCity", length: 18, required: true)
        c.text(a.pickupRegion, q + "/pickupRegion", length: 3, allowed: .alphanumeric)
        c.digits(a.pickupCountry, q + "/pickupCountry", length: 3, exact: true)
        c.date(a.pickupDate, q + "/pickupDate")
        if !a.pickupTime.isValid { c.report(.invalidFormat, q + "/pickupTime", "is not a valid time") }
        c.text(a.returnCity, q + "/returnCity", length: 18, required: true)
        c.text(a.returnRegion, q + "/returnRegion", length: 3, allowed: .alphanumeric)
        c.digits(a.returnCountry, q + "/returnCountry", length: 3, exact: true)
        c.date(a.returnDate, q + "/returnDate")
        if !a.returnTime.isValid { c.report(.invalidFormat, q + "/returnTime", "is not a valid time") }
        if a.pickupDate.isValid && a.returnDate.isValid && a.returnDate < a.pickupDate {
            c.report(.outOfRange, q + "/returnDate", "must not be before pickupDate (§4.27.11)")
        }
        c.text(a.renterName, q + "/renterName", length: 26, required: true)
        c.code(a.vehicleClassId, q + "/vehicleClassId", in: Self.vehicleClasses, required: false)
        c.range(a.distance, q + "/distance", 0...99_999)
        c.code(a.distanceUnit, q + "/distanceUnit", in: Codes.distanceUnits, required: a.distance > 0)
        c.code(a.auditAdjustmentIndicator, q + "/auditAdjustmentIndicator", in: Codes.auditAdjustments, required: false)
        c.amount(a.auditAdjustmentAmount, q + "/auditAdjustmentAmount")
        if a.auditAdjustmentIndicator.isEmpty && a.auditAdjustmentAmount != .zero {
            c.report(.missingOrErroneousValue, q + "/auditAdjustmentAmount", "needs an auditAdjustmentIndicator (X, Y or Z)")
        }
    }
}

extension String {
    /// Four digits, zero-filled.
    init(format4 value: Int) {
        let digits = String(value)
        self = String(repeating: "0", count: Swift.max(0, 4 - digits.utf8.count)) + digits
    }
}
