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
        if d.cardNumber.brand == .americanExpress {
            c.report(.missingOrErroneousValue, p + "/cardNumber", "American Express is not supported in auto rental batches")
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
}
