extension BatchValidator {
    /// The brands whose chip transactions must carry the addendum (§3.2.7, note under Table 3.7);
    /// for Visa it is optional.
    public static let chipAddendumRequired: Set<CardBrand> = [.masterCard, .americanExpress, .discover]

    /// Whether the detail says the card's chip was read: account data source `G` (chip) or `R`
    /// (contactless EMV), or POS data code card data input mode (position 7) `C`, `F` or `M`.
    public static func readsChip(_ d: DetailRecord) -> Bool {
        // Runs for every detail, so it reads bytes: no string comparisons, no index arithmetic.
        let source = d.accountDataSource.utf8
        if source.count == 1, let byte = source.first, byte == UInt8(ascii: "G") || byte == UInt8(ascii: "R") { return true }
        guard let pos = d.posDataCode else { return false }
        return pos.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count == 12 else { return false }
            let mode = bytes[6]
            return mode == UInt8(ascii: "C") || mode == UInt8(ascii: "F") || mode == UInt8(ascii: "M")
        } ?? false
    }

    func checkChip(_ d: DetailRecord, at p: JSONPath, _ c: inout IssueCollector) {
        guard d.$chip.with({ _ in true }) != nil else {
            if Self.readsChip(d) && Self.chipAddendumRequired.contains(d.cardNumber.brand) {
                c.report(
                    .missingOrErroneousValue, p + "/chip",
                    "is required: the card's chip was read, and MasterCard, American Express and Discover chip transactions carry the chip card addendum (§3.2.7)"
                )
            }
            return
        }
        d.$chip.with { chip in checkChipValues(chip, of: d, at: p + "/chip", &c) }
    }

    private func checkChipValues(_ chip: ChipData, of d: DetailRecord, at q: JSONPath, _ c: inout IssueCollector) {
        let brand = d.cardNumber.brand
        if d.transactionType.isCardNotPresent {
            c.report(.missingOrErroneousValue, q, "is only sent for card-present transactions")
        }
        c.digits(chip.transactionType, q + "/transactionType", length: 2, exact: true)
        c.shortYearDate(chip.terminalTransactionDate, q + "/terminalTransactionDate")
        c.digits(chip.currencyCode, q + "/currencyCode", length: 3, exact: true)
        // Fields 08-13 are required for every brand (Table 3.7).
        hex(chip.terminalVerificationResults, q + "/terminalVerificationResults", bytes: 5...5, required: true, &c)
        hex(chip.applicationTransactionCounter, q + "/applicationTransactionCounter", bytes: 2...2, required: true, &c)
        hex(chip.applicationInterchangeProfile, q + "/applicationInterchangeProfile", bytes: 2...2, required: true, &c)
        hex(chip.applicationCryptogram, q + "/applicationCryptogram", bytes: 8...8, required: true, &c)
        hex(chip.unpredictableNumber, q + "/unpredictableNumber", bytes: 4...4, required: true, &c)
        // Required by brand where Table 3.7 and Appendix A agree (docs/wire/chip-card-addendum.md §2).
        hex(chip.issuerApplicationData, q + "/issuerApplicationData", bytes: 1...32, required: brand == .visa || brand == .americanExpress, &c)
        hex(
            chip.cryptogramInformationData, q + "/cryptogramInformationData", bytes: 1...1,
            required: brand == .masterCard || brand == .americanExpress, &c)
        hex(chip.terminalCapabilities, q + "/terminalCapabilities", bytes: 3...3, required: brand == .visa || brand == .discover, &c)
        c.range(chip.cardSequenceNumber, q + "/cardSequenceNumber", 0...99)
        hex(chip.issuerAuthenticationData, q + "/issuerAuthenticationData", bytes: 8...16, required: false, &c)
        hex(chip.cvmResults, q + "/cvmResults", bytes: 3...3, required: brand == .masterCard, &c)
        hex(chip.issuerScriptResults, q + "/issuerScriptResults", bytes: 5...25, required: false, &c)
        if !chip.issuerScriptResults.isEmpty && !(chip.issuerScriptResults.utf8.count).isMultiple(of: 10) {
            c.report(.invalidLength, q + "/issuerScriptResults", "must be whole 5-byte script results (10 hexadecimal digits each)")
        }
        hex(chip.formFactorIndicator, q + "/formFactorIndicator", bytes: 4...4, required: false, &c)
        // Table 3.8: group 1 carries the amount an ARQC was computed over; with a TC it is the
        // authorized amount and is left out.
        let arqc = chip.isARQC
        if let amount = chip.cryptogramAmount {
            c.amount(amount, q + "/cryptogramAmount")
            if !arqc {
                c.report(
                    .missingOrErroneousValue, q + "/cryptogramAmount",
                    "is only sent with an ARQC (cryptogramInformationData 8x), not with '\(chip.cryptogramInformationData)'")
            }
        } else if arqc {
            c.report(.missingOrErroneousValue, q + "/cryptogramAmount", "is required with an ARQC (group 1, Table 3.8)")
        }
    }

    /// Upper-case hex of whole bytes, `bytes` long; empty passes unless required.
    private func hex(_ value: String, _ path: JSONPath, bytes: ClosedRange<Int>, required: Bool, _ c: inout IssueCollector) {
        if value.isEmpty {
            if required { c.report(.missingOrErroneousValue, path, "is required") }
            return
        }
        guard CharacterRule.upperHexadecimal.acceptsAll(value) else {
            return c.report(.invalidFormat, path, "may contain \(CharacterRule.upperHexadecimal.explanation) only")
        }
        let count = value.utf8.count
        guard count.isMultiple(of: 2), bytes.contains(count / 2) else {
            let expected = bytes.lowerBound == bytes.upperBound ? "\(bytes.lowerBound * 2)" : "\(bytes.lowerBound * 2) to \(bytes.upperBound * 2)"
            return c.report(.invalidLength, path, "must be \(expected) hexadecimal digits (whole bytes), got \(count)")
        }
    }
}
