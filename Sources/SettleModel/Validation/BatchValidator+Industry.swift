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
                c.report(
                    .missingOrErroneousValue, p + (d.totalAuthorizedAmount != nil ? "/totalAuthorizedAmount" : "/purchaseIdentifier"),
                    "is only sent in direct marketing, hotel and auto rental batches, or with Level III data")
            }
        }
        checkPurchaseIdentifier(d, at: p, industry: industry, &c)
        checkCardNotPresent(d, at: p, industry: industry, &c)
        checkLodging(d, at: p, industry: industry, &c)
        checkAutoRental(d, at: p, industry: industry, &c)
        checkPassengerTransport(d, at: p, industry: industry, &c)
        checkDebit(d, at: p, transmissionDate: transmissionDate, &c)
    }

    /// §4.224: an identifier, when sent, is left-justified and neither all zeros nor all spaces
    /// (an empty one goes out as format code `Z`). American Express keeps only a prefix of it.
    private func checkPurchaseIdentifier(_ d: DetailRecord, at detail: JSONPath, industry: IndustryType, _ c: inout IssueCollector) {
        // This runs for every detail: paths are built only to report, the brand only for long identifiers.
        let identifier = d.purchaseIdentifier.utf8
        guard let first = identifier.first else { return }
        if first == 0x20 {
            c.report(.invalidFormat, detail + "/purchaseIdentifier", "must not start with a space (it is left-justified, §4.224)")
        } else if identifier.allSatisfy({ $0 == 0x30 }) {
            c.report(.invalidFormat, detail + "/purchaseIdentifier", "must not be all zeros (§4.224)")
        }
        guard identifier.count > 9, let significant = Self.amexPurchaseIdentifierLength(industry),
            d.cardNumber.brand == .americanExpress
        else { return }
        let length = identifier.reversed().drop { $0 == 0x20 }.count
        if length > significant {
            let kind = industry == .hotel ? "folio number" : "purchase identifier"
            c.report(
                .invalidLength, detail + "/purchaseIdentifier",
                "is \(length) characters; American Express uses only the first \(significant) of a \(kind) (§4.224)")
        }
    }

    /// How much of the purchase identifier American Express uses: 9 characters of an order number
    /// (§4.224.1, direct marketing and commercial card), 12 of a hotel folio (§4.224.3). The spec
    /// sets no limit on a rental agreement number (§4.224.2).
    static func amexPurchaseIdentifierLength(_ industry: IndustryType) -> Int? {
        switch industry {
        case .hotel: 12
        case .autoRental: nil
        default: 9
        }
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

    func checkExtraCharges(_ codes: String, _ path: @autoclosure () -> JSONPath, allowed: CharacterRule, _ c: inout IssueCollector) {
        if codes.utf8.count > 6 { return c.report(.invalidLength, path(), "holds at most 6 codes") }
        if !allowed.acceptsAll(codes) { c.report(.outOfRange, path(), "codes must be among \(allowed.explanation)") }
    }

    static let hotelExtraCharges = CharacterRule("234567", explanation: "2, 3, 4, 5, 6, 7")
    static let autoRentalExtraCharges = CharacterRule("12345", explanation: "1, 2, 3, 4, 5")
}
