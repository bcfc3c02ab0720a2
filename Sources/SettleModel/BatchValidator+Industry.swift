extension BatchValidator {
    func checkIndustryData(_ d: DetailRecord, at p: JSONPath, industry: IndustryType, transmissionDate: LocalDate, _ c: inout IssueCollector) {
        if let gratuity = d.gratuity {
            c.amount(gratuity, p + "/gratuity")
            if ![.restaurant, .retail, .groceryStore].contains(industry) {
                c.report(.missingOrErroneousValue, p + "/gratuity", "is only sent in restaurant, retail and grocery batches")
            }
        }
        if let cashBack = d.cashBack { c.amount(cashBack, p + "/cashBack", minimum: 1) }
        if d.totalAuthorizedAmount != nil || !d.purchaseIdentifier.isEmpty {
            let carried = [.directMarketing, .hotel, .autoRental].contains(industry) || d.level3 != nil
            if !carried {
                c.report(.missingOrErroneousValue, p + (d.totalAuthorizedAmount != nil ? "/totalAuthorizedAmount" : "/purchaseIdentifier"),
                    "is only sent in direct marketing, hotel and auto rental batches, or with Level III data")
            }
        }
        checkCardNotPresent(d, at: p, industry: industry, &c)
        checkLodging(d, at: p, industry: industry, &c)
        checkAutoRental(d, at: p, industry: industry, &c)
        checkPassengerTransport(d, at: p, industry: industry, &c)
        checkDebit(d, at: p, transmissionDate: transmissionDate, &c)
    }

    private func checkCardNotPresent(_ d: DetailRecord, at p: JSONPath, industry: IndustryType, _ c: inout IssueCollector) {
        guard let cnp = d.cardNotPresent else {
            if industry == .directMarketing {
                c.report(.missingOrErroneousValue, p + "/cardNotPresent", "is required in direct marketing batches (detail group 12)")
            }
            return
        }
        if industry != .directMarketing && d.level3 == nil {
            c.report(.missingOrErroneousValue, p + "/cardNotPresent", "is only sent in direct marketing batches or with Level III data")
        }
        c.code(cnp.motoIndicator, p + "/cardNotPresent/motoIndicator", in: Codes.motoIndicators)
        c.range(cnp.installmentNumber, p + "/cardNotPresent/installmentNumber", 0...99)
        c.range(cnp.installmentCount, p + "/cardNotPresent/installmentCount", 0...99)
        if cnp.installmentNumber > cnp.installmentCount {
            c.report(.outOfRange, p + "/cardNotPresent/installmentNumber", "must not exceed installmentCount")
        }
    }

    private func checkLodging(_ d: DetailRecord, at p: JSONPath, industry: IndustryType, _ c: inout IssueCollector) {
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

    private func checkAutoRental(_ d: DetailRecord, at p: JSONPath, industry: IndustryType, _ c: inout IssueCollector) {
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

    private func checkPassengerTransport(_ d: DetailRecord, at p: JSONPath, industry: IndustryType, _ c: inout IssueCollector) {
        guard let trip = d.passengerTransport else { return }
        let q = p + "/passengerTransport"
        if industry != .passengerTransport { c.report(.missingOrErroneousValue, q, "is only sent in passenger transport batches") }
        if d.cardNumber.brand != .visa { c.report(.missingOrErroneousValue, q, "is Visa only (detail group 9)") }
        c.range(trip.passengerCount, q + "/passengerCount", 1...99)
        c.range(trip.passengerNumber, q + "/passengerNumber", 1...max(1, min(99, trip.passengerCount)))
        c.text(trip.ticketNumber, q + "/ticketNumber", length: 13, required: true)
        c.text(trip.passengerName, q + "/passengerName", length: 20, required: true)
        c.shortYearDate(trip.departureDate, q + "/departureDate")
        c.text(trip.origin, q + "/origin", length: 3, required: true, allowed: .uppercase)
        if trip.legs.isEmpty || trip.legs.count > PassengerTransport.maximumLegs {
            c.report(.outOfRange, q + "/legs", "must hold 1 to \(PassengerTransport.maximumLegs) trip legs")
        }
        for (i, leg) in trip.legs.prefix(PassengerTransport.maximumLegs).enumerated() {
            let l = q + "/legs/\(i)"
            c.text(leg.carrier, l + "/carrier", length: 2, required: true, allowed: .alphanumeric)
            c.text(leg.serviceClass, l + "/serviceClass", length: 1, required: true, allowed: .alphanumeric)
            c.code(leg.stopOver, l + "/stopOver", in: Codes.stopOver, required: false)
            c.text(leg.destination, l + "/destination", length: 3, required: true, allowed: .uppercase)
        }
    }

    private func checkDebit(_ d: DetailRecord, at p: JSONPath, transmissionDate: LocalDate, _ c: inout IssueCollector) {
        guard let debit = d.debit else {
            if d.transactionType.isDebit { c.report(.missingOrErroneousValue, p + "/debit", "is required for debit transactions (detail group 10)") }
            return
        }
        let q = p + "/debit"
        if !d.transactionType.isDebit { c.report(.missingOrErroneousValue, q, "is only sent with debitPurchase or debitRefund") }
        c.text(debit.retrievalReferenceNumber, q + "/retrievalReferenceNumber", length: 12, required: true, allowed: .alphanumeric)
        c.range(debit.systemTraceAuditNumber, q + "/systemTraceAuditNumber", 0...999_999)
        c.text(debit.networkId, q + "/networkId", length: 1, required: true, allowed: .alphanumeric)
        c.monthDayDate(debit.settlementDate, q + "/settlementDate", transmissionDate: transmissionDate)
    }

    private func checkExtraCharges(_ codes: String, _ path: @autoclosure () -> JSONPath, allowed: CharacterRule, _ c: inout IssueCollector) {
        if codes.utf8.count > 6 { return c.report(.invalidLength, path(), "holds at most 6 codes") }
        if !allowed.acceptsAll(codes) { c.report(.outOfRange, path(), "codes must be among \(allowed.explanation)") }
    }

    static let hotelExtraCharges = CharacterRule("234567", explanation: "2, 3, 4, 5, 6, 7")
    static let autoRentalExtraCharges = CharacterRule("12345", explanation: "1, 2, 3, 4, 5")
}
