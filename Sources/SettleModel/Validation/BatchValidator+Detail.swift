extension BatchValidator {
    func checkDetail(_ d: borrowing DetailRecord, at p: JSONPath, in batch: Batch, _ c: inout IssueCollector) {
        guard d.transactionType.isSupported else {
            return c.report(
                .missingOrErroneousValue, p + "/transactionType",
                "EBT (food stamp and cash benefit) settlement is not supported by this service")
        }
        checkBaseFields(d, at: p, transmissionDate: batch.transmissionDate, &c)
        checkTransactionType(d, at: p, industry: batch.industryType, &c)
        checkIndustryData(d, at: p, industry: batch.industryType, transmissionDate: batch.transmissionDate, &c)
        checkCommercialData(d, at: p, &c)
        checkGroupCombinations(d, at: p, industry: batch.industryType, &c)
        checkChip(d, at: p, &c)
        checkExtended(d, at: p, in: batch, &c)
        if profile.requireModernGroups && d.posDataCode == nil {
            c.report(.missingOrErroneousValue, p + "/posDataCode", "is mandatory (detail group 32, since 2016-03-01)")
        }
    }

    private func checkBaseFields(_ d: DetailRecord, at p: JSONPath, transmissionDate: LocalDate, _ c: inout IssueCollector) {
        c.code(d.cardholderId, p + "/cardholderId", in: Codes.cardholderIds)
        c.code(d.accountDataSource, p + "/accountDataSource", in: Codes.accountDataSources)
        checkCardNumber(d.cardNumber, p + "/cardNumber", &c)
        c.amount(d.settlementAmount, p + "/settlementAmount", minimum: 1)
        c.amount(d.authorizedAmount, p + "/authorizedAmount")
        if let total = d.totalAuthorizedAmount { c.amount(total, p + "/totalAuthorizedAmount") }
        c.monthDayDate(d.transactionDate, p + "/transactionDate", transmissionDate: transmissionDate)
        if !d.transactionTime.isValid { c.report(.invalidFormat, p + "/transactionTime", "is not a valid time") }
        c.range(d.transactionNumber, p + "/transactionNumber", 1...9999)
        c.text(d.approvalCode, p + "/approvalCode", length: 6, allowed: .alphanumericSpace)
        c.text(d.requestedACI, p + "/requestedACI", length: 1, required: true, allowed: .alphanumeric)
        c.text(d.responseACI, p + "/responseACI", length: 1, allowed: .alphanumeric)
        c.text(d.authorizationSource, p + "/authorizationSource", length: 1, required: true, allowed: .alphanumeric)
        c.text(d.responseCode, p + "/responseCode", length: 2, allowed: .alphanumeric)
        c.text(d.avsResult, p + "/avsResult", length: 1, required: true, allowed: .alphanumeric)
        c.text(d.transactionId, p + "/transactionId", length: 15, allowed: .alphanumeric)
        c.text(d.validationCode, p + "/validationCode", length: 4, allowed: .alphanumeric)
        c.text(d.reimbursementAttribute, p + "/reimbursementAttribute", length: 1, required: true, allowed: .alphanumeric)
        c.text(d.purchaseIdentifier, p + "/purchaseIdentifier", length: 25)
        if let mvv = d.merchantVerificationValue {
            c.text(mvv, p + "/merchantVerificationValue", length: 10, required: true, allowed: .hexadecimal)
        }
        if let market = d.marketSpecificData {
            c.code(market, p + "/marketSpecificData", in: Codes.marketSpecificIndicators)
            // Table 3.9: group 31 never travels with groups 4, 5, 7 and 13 (which carry their own
            // market indicator), 21 (Amex Level II) or 25-27 (Level III).
            if d.lodging != nil || d.autoRental != nil {
                c.report(
                    .missingOrErroneousValue, p + "/marketSpecificData",
                    "cannot be sent with lodging or auto rental data, which carry their own marketSpecificDataIdentifier (Table 3.9)")
            } else if d.level3 != nil || d.level2?.cardType == .americanExpress {
                c.report(
                    .missingOrErroneousValue, p + "/marketSpecificData",
                    "cannot be sent with Level III or American Express Level II data (groups 21 and 25-27, Table 3.9)")
            }
        }
        if let pos = d.posDataCode {
            c.text(pos, p + "/posDataCode", length: 12, required: true, allowed: .alphanumeric)
            if !pos.isEmpty && pos.utf8.count != 12 { c.report(.invalidLength, p + "/posDataCode", "must be exactly 12 characters") }
        }
    }

    private func checkCardNumber(_ card: CardNumber, _ path: JSONPath, _ c: inout IssueCollector) {
        guard !card.digits.isEmpty else { return c.report(.missingOrErroneousValue, path, "is required") }
        guard let sum = CardNumber.luhnSum(card.digits) else { return c.report(.invalidFormat, path, "must contain digits only") }
        guard (12...19).contains(card.digits.utf8.count) else {
            return c.report(.invalidLength, path, "must be 12 to 19 digits, got \(card.digits.utf8.count)")
        }
        if sum % 10 != 0 { c.report(.luhnCheckFailed, path, "fails the Luhn check (\(card.masked))") }
    }

    private func checkTransactionType(_ d: DetailRecord, at p: JSONPath, industry: IndustryType, _ c: inout IssueCollector) {
        let kind = d.transactionType
        if kind.isCredit {
            if d.authorizedAmount != .zero { c.report(.missingOrErroneousValue, p + "/authorizedAmount", "must be 0 for credits") }
            if !d.approvalCode.isEmpty { c.report(.missingOrErroneousValue, p + "/approvalCode", "must be empty for credits") }
            if !d.responseACI.isEmpty { c.report(.missingOrErroneousValue, p + "/responseACI", "must be empty for credits") }
            if kind == .offlineCredit && d.authorizationSource != "9" {
                c.report(.missingOrErroneousValue, p + "/authorizationSource", "must be '9' (not authorized) for off-line credits")
            }
            if d.cashBack != nil { c.report(.missingOrErroneousValue, p + "/cashBack", "is not allowed on credits") }
            return
        }
        checkApprovalCode(d.approvalCode, p + "/approvalCode", &c)
        let offline = TransactionType.isOfflineApproval(source: d.authorizationSource)
        if kind.isForce {
            if !offline {
                c.report(.missingOrErroneousValue, p + "/authorizationSource", "must be '6', 'D' or 'E' (off-line approval) for forces")
            }
            if d.authorizedAmount != .zero { c.report(.missingOrErroneousValue, p + "/authorizedAmount", "must be 0 for forces") }
        } else {
            if offline || d.authorizationSource == "9" {
                c.report(
                    .missingOrErroneousValue, p + "/authorizationSource",
                    "'\(d.authorizationSource)' marks an off-line record: use a force or credit transaction type")
            }
            if d.responseCode.isEmpty { c.report(.missingOrErroneousValue, p + "/responseCode", "is required (from the authorization)") }
            if d.authorizedAmount == .zero { c.report(.missingOrErroneousValue, p + "/authorizedAmount", "is required (first authorization amount)") }
        }
        if industry == .directMarketing && (kind == .cardPresent || kind == .forceCardPresent) {
            c.report(.missingOrErroneousValue, p + "/transactionType", "card-present transactions are not allowed in a direct marketing batch")
        }
        if let cashBack = d.cashBack, cashBack >= d.settlementAmount {
            c.report(.outOfRange, p + "/cashBack", "must be less than the settlement amount")
        }
        checkBillPayment(d, at: p, &c)
    }

    /// Transaction code `5B` does not say whether the card was present; the cardholder id `N`
    /// (Table 4.16: card not present or e-commerce) does, so the two must agree.
    private func checkBillPayment(_ d: DetailRecord, at p: JSONPath, _ c: inout IssueCollector) {
        guard profile.billPaymentTransactionCodes, d.marketSpecificData == "B", d.transactionType.billPaymentTransactionCode == "5B" else {
            return
        }
        if d.transactionType.isCardNotPresent && d.cardholderId != "N" {
            c.report(
                .missingOrErroneousValue, p + "/cardholderId",
                "must be 'N' for a card-not-present bill payment: transaction code 5B leaves the card's presence to it")
        } else if !d.transactionType.isCardNotPresent && d.cardholderId == "N" {
            c.report(
                .missingOrErroneousValue, p + "/cardholderId",
                "must not be 'N' (card not present) for a card-present bill payment: transaction code 5B leaves the card's presence to it")
        }
    }

    /// Approval codes are 6 characters, left-justified, and must not start with `0` or a space (RB 413).
    private func checkApprovalCode(_ code: String, _ path: JSONPath, _ c: inout IssueCollector) {
        guard !code.isEmpty else { return c.report(.missingOrErroneousValue, path, "is required") }
        if code.utf8.first == 48 { c.report(.invalidFormat, path, "must not start with 0") }
    }

}
