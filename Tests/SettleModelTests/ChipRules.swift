import SettleModel

/// The chip card addendum (§3.2.7, Tables 3.7 and 3.8).
enum ChipRules {
    static let d = "/detailRecords/0"
    static let c = d + "/chip"

    /// A Visa TC with every field Visa requires.
    static let visa = ChipData(
        terminalTransactionDate: LocalDate(year: 2026, month: 7, day: 25), terminalVerificationResults: "0000008000",
        applicationTransactionCounter: "001C", applicationInterchangeProfile: "1800", applicationCryptogram: "5E1A7C2B9D3F4A60",
        unpredictableNumber: "9A8B7C6D", issuerApplicationData: "06010A03A00000", cryptogramInformationData: "40",
        terminalCapabilities: "E0F8C8")

    static func chip(_ batch: inout Batch, _ change: (inout ChipData) -> Void = { _ in }) {
        var chip = visa
        change(&chip)
        batch.detailRecords[0].accountDataSource = "G"
        batch.detailRecords[0].chip = chip
        batch.settings.deviceCode = "X"
    }

    static let cases: [RuleCase] = [
        RuleCase("chip data with device code Q", code: .missingOrErroneousValue, path: "/settings/deviceCode") {
            chip(&$0)
            $0.settings.deviceCode = "Q"
        },
        RuleCase("a MasterCard chip read without its addendum", code: .missingOrErroneousValue, path: c) {
            RuleCase.masterCard(&$0)
            $0.detailRecords[0].accountDataSource = "R"
        },
        RuleCase("an Amex chip read (POS data code mode C) without its addendum", code: .missingOrErroneousValue, path: c) {
            RuleCase.amex(&$0)
            $0.detailRecords[0].posDataCode = "D20101C0000Z"
        },
        RuleCase("chip data on a card-not-present sale", .directMarketing, code: .missingOrErroneousValue, path: c) { chip(&$0) },
        RuleCase("lower-case cryptogram", code: .invalidFormat, path: c + "/applicationCryptogram") {
            chip(&$0) { $0.applicationCryptogram = "5e1a7c2b9d3f4a60" }
        },
        RuleCase("a cryptogram of 7 bytes", code: .invalidLength, path: c + "/applicationCryptogram") {
            chip(&$0) { $0.applicationCryptogram = "5E1A7C2B9D3F4A" }
        },
        RuleCase("no unpredictable number", code: .missingOrErroneousValue, path: c + "/unpredictableNumber") {
            chip(&$0) { $0.unpredictableNumber = "" }
        },
        RuleCase("issuer application data of an odd digit count", code: .invalidLength, path: c + "/issuerApplicationData") {
            chip(&$0) { $0.issuerApplicationData = "06010A03A0000" }
        },
        RuleCase("Visa without terminal capabilities", code: .missingOrErroneousValue, path: c + "/terminalCapabilities") {
            chip(&$0) { $0.terminalCapabilities = "" }
        },
        RuleCase("MasterCard without CVM results", code: .missingOrErroneousValue, path: c + "/cvmResults") {
            RuleCase.masterCard(&$0)
            chip(&$0)
        },
        RuleCase("an ARQC without its cryptogram amount", code: .missingOrErroneousValue, path: c + "/cryptogramAmount") {
            chip(&$0) { $0.cryptogramInformationData = "80" }
        },
        RuleCase("a cryptogram amount with a TC", code: .missingOrErroneousValue, path: c + "/cryptogramAmount") {
            chip(&$0) { $0.cryptogramAmount = 2500 }
        },
        RuleCase("a script result of 4 bytes", code: .invalidLength, path: c + "/issuerScriptResults") {
            chip(&$0) { $0.issuerScriptResults = "20000000" }
        },
        RuleCase("script results not in whole 5-byte results", code: .invalidLength, path: c + "/issuerScriptResults") {
            chip(&$0) { $0.issuerScriptResults = "200000000100" }
        },
        RuleCase("a card sequence number over 99", code: .outOfRange, path: c + "/cardSequenceNumber") {
            chip(&$0) { $0.cardSequenceNumber = 100 }
        },
        RuleCase("a terminal currency code of 2 digits", code: .invalidLength, path: c + "/currencyCode") {
            chip(&$0) { $0.currencyCode = "84" }
        },
    ]
}
