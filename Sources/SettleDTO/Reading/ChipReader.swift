import SettleJSON
import SettleModel

/// Reads a detail's `chip` object: the named EMV values, or `iccData`, the BER-TLV hex a
/// terminal or an authorization returns, read by the strict ``BERTLV`` reader.
struct ChipReader {
    /// The detail's transaction type: a credit's cryptogram was computed for a refund (9C `20`).
    let transactionType: TransactionType
    /// The card's brand: American Express and Discover require the card sequence number (Table 3.7 field 17).
    let brand: CardBrand

    private var needsSequenceNumber: Bool { brand == .americanExpress || brand == .discover }

    /// The named EMV values; `keys` adds `iccData`, which excludes them.
    static let namedKeys: [StaticString] = [
        "transactionType", "terminalTransactionDate", "terminalVerificationResults", "currencyCode", "applicationTransactionCounter",
        "applicationInterchangeProfile", "applicationCryptogram", "unpredictableNumber", "issuerApplicationData",
        "cryptogramInformationData", "terminalCapabilities", "cardSequenceNumber", "issuerAuthenticationData", "cvmResults",
        "issuerScriptResults", "formFactorIndicator", "cryptogramAmount",
    ]
    static let keys = KeySet(namedKeys + ["iccData"])

    func read(_ o: DocumentObject, _ issues: inout IssueList) -> ChipData {
        let o = o.reading(Self.keys, &issues)
        if let icc = o.optionalString("iccData", &issues) {
            if let named = Self.namedKeys.first(where: { o.has($0) }) {
                issues.add(.missingOrErroneousValue, o.path(named), "give either iccData or the named EMV values, not both")
            }
            return fromICC(icc, at: o.path("iccData"), &issues)
        }
        // Hexadecimal is accepted in either case and sent upper-case, as §3.3 writes it.
        func hex(_ key: StaticString) -> String { o.string(key, default: "", &issues).uppercased() }
        if needsSequenceNumber && !o.has("cardSequenceNumber") {
            issues.add(
                .missingOrErroneousValue, o.path("cardSequenceNumber"),
                "is required for American Express and Discover (tag 5F34, chip card addendum field 17)")
        }
        return ChipData(
            transactionType: o.string("transactionType", default: transactionType.isCredit ? "20" : "00", &issues),
            terminalTransactionDate: o.date("terminalTransactionDate", &issues),
            terminalVerificationResults: hex("terminalVerificationResults"), currencyCode: o.string("currencyCode", default: "840", &issues),
            applicationTransactionCounter: hex("applicationTransactionCounter"),
            applicationInterchangeProfile: hex("applicationInterchangeProfile"), applicationCryptogram: hex("applicationCryptogram"),
            unpredictableNumber: hex("unpredictableNumber"), issuerApplicationData: hex("issuerApplicationData"),
            cryptogramInformationData: hex("cryptogramInformationData"), terminalCapabilities: hex("terminalCapabilities"),
            cardSequenceNumber: o.int("cardSequenceNumber", default: 0, &issues),
            issuerAuthenticationData: hex("issuerAuthenticationData"), cvmResults: hex("cvmResults"),
            issuerScriptResults: hex("issuerScriptResults"), formFactorIndicator: hex("formFactorIndicator"),
            cryptogramAmount: o.optionalAmount("cryptogramAmount", &issues))
    }

    private func fromICC(_ text: String, at pointer: String, _ issues: inout IssueList) -> ChipData {
        let elements: [BERTLV.Element]
        switch BERTLV.parse(hex: text) {
        case .success(let parsed): elements = parsed
        case .failure(let failure):
            issues.add(.invalidFormat, pointer, "is not BER-TLV: \(failure)")
            return ChipData(terminalTransactionDate: .placeholder)
        }
        let reading = ChipData.read(elements)
        for problem in reading.problems { issues.add(.invalidFormat, pointer, problem.description) }
        if !reading.ignoredTags.isEmpty {
            let tags = reading.ignoredTags
            issues.note(
                pointer,
                (tags.count == 1 ? "tag \(tags[0]) was" : "tags \(tags.joined(separator: ", ")) were")
                    + " ignored: the chip card addendum has no field for \(tags.count == 1 ? "it" : "them")")
        }
        if needsSequenceNumber && !elements.contains(where: { $0.tag == 0x5F34 }) {
            issues.add(
                .missingOrErroneousValue, pointer,
                "has no tag 5F34 (card sequence number), which American Express and Discover require (chip card addendum field 17)")
        }
        if !elements.contains(where: { $0.tag == 0x9A }) {
            issues.add(.missingOrErroneousValue, pointer, "has no tag 9A (terminal transaction date)")
        }
        return reading.chip
    }
}
