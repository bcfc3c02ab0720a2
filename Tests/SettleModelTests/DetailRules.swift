import SettleModel

/// Detail base fields and transaction types.
enum DetailRules {
    static let d = "/detailRecords/0"

    static let cases: [RuleCase] = [
        RuleCase("EBT is not supported", code: .missingOrErroneousValue, path: d + "/transactionType") {
            $0.detailRecords[0].transactionType = .foodStampPurchase
        },
        RuleCase("Luhn check", code: .luhnCheckFailed, path: d + "/cardNumber") { $0.detailRecords[0].cardNumber = CardNumber("4111111111111112") },
        RuleCase("card number with letters", code: .invalidFormat, path: d + "/cardNumber") {
            $0.detailRecords[0].cardNumber = CardNumber("4111-1111-1111-1111")
        },
        RuleCase("card number too short", code: .invalidLength, path: d + "/cardNumber") {
            $0.detailRecords[0].cardNumber = CardNumber("41111111111")
        },
        RuleCase("card number missing", code: .missingOrErroneousValue, path: d + "/cardNumber") { $0.detailRecords[0].cardNumber = CardNumber("") },
        RuleCase("settlement amount zero", code: .outOfRange, path: d + "/settlementAmount") { $0.detailRecords[0].settlementAmount = 0 },
        RuleCase("settlement amount over $99,999.99", code: .outOfRange, path: d + "/settlementAmount") {
            $0.detailRecords[0].settlementAmount = 10_000_000
        },
        RuleCase("authorized amount negative", code: .outOfRange, path: d + "/authorizedAmount") { $0.detailRecords[0].authorizedAmount = -1 },
        RuleCase("transaction date two days ahead", code: .outOfRange, path: d + "/transactionDate") {
            $0.detailRecords[0].transactionDate = LocalDate(year: 2026, month: 7, day: 28)
        },
        RuleCase("transaction date over a year old", code: .outOfRange, path: d + "/transactionDate") {
            $0.detailRecords[0].transactionDate = LocalDate(year: 2025, month: 7, day: 20)
        },
        RuleCase("transaction time 24:00:00", code: .invalidFormat, path: d + "/transactionTime") {
            $0.detailRecords[0].transactionTime = TimeOfDay(hour: 24, minute: 0, second: 0)
        },
        RuleCase("sequence number 0", code: .outOfRange, path: d + "/transactionNumber") { $0.detailRecords[0].transactionNumber = 0 },
        RuleCase("sequence number 10000", code: .outOfRange, path: d + "/transactionNumber") { $0.detailRecords[0].transactionNumber = 10000 },
        RuleCase("approval code 7 characters", code: .invalidLength, path: d + "/approvalCode") { $0.detailRecords[0].approvalCode = "ABCDEFG" },
        RuleCase("approval code starting with 0", code: .invalidFormat, path: d + "/approvalCode") { $0.detailRecords[0].approvalCode = "012345" },
        RuleCase("approval code missing on a sale", code: .missingOrErroneousValue, path: d + "/approvalCode") {
            $0.detailRecords[0].approvalCode = ""
        },
        RuleCase("unknown cardholder id", code: .outOfRange, path: d + "/cardholderId") { $0.detailRecords[0].cardholderId = "Q" },
        RuleCase("unknown account data source", code: .outOfRange, path: d + "/accountDataSource") { $0.detailRecords[0].accountDataSource = "Y" },
        RuleCase("transaction id too long", code: .invalidLength, path: d + "/transactionId") {
            $0.detailRecords[0].transactionId = "1234567890123456"
        },
        RuleCase("validation code punctuation", code: .invalidFormat, path: d + "/validationCode") { $0.detailRecords[0].validationCode = "A-B" },
        RuleCase("requested ACI missing", code: .missingOrErroneousValue, path: d + "/requestedACI") { $0.detailRecords[0].requestedACI = "" },
        RuleCase("credit with an authorized amount", code: .missingOrErroneousValue, path: d + "/authorizedAmount") {
            $0.detailRecords[0] = credit($0.detailRecords[0])
            $0.detailRecords[0].authorizedAmount = 100
        },
        RuleCase("credit with an approval code", code: .missingOrErroneousValue, path: d + "/approvalCode") {
            $0.detailRecords[0] = credit($0.detailRecords[0])
            $0.detailRecords[0].approvalCode = "ABC123"
        },
        RuleCase("off-line credit not sourced 9", code: .missingOrErroneousValue, path: d + "/authorizationSource") {
            $0.detailRecords[0] = credit($0.detailRecords[0])
            $0.detailRecords[0].authorizationSource = "5"
        },
        RuleCase("cash back on a credit", code: .missingOrErroneousValue, path: d + "/cashBack") {
            $0.detailRecords[0] = credit($0.detailRecords[0])
            $0.detailRecords[0].cashBack = 100
        },
        RuleCase("force without an off-line source", code: .missingOrErroneousValue, path: d + "/authorizationSource") {
            $0.detailRecords[0].transactionType = .forceCardPresent
            $0.detailRecords[0].authorizedAmount = 0
        },
        RuleCase("force with an authorized amount", code: .missingOrErroneousValue, path: d + "/authorizedAmount") {
            $0.detailRecords[0].transactionType = .forceCardPresent
            $0.detailRecords[0].authorizationSource = "E"
        },
        RuleCase("sale with an off-line source", code: .missingOrErroneousValue, path: d + "/authorizationSource") {
            $0.detailRecords[0].authorizationSource = "E"
        },
        RuleCase("sale without response code", code: .missingOrErroneousValue, path: d + "/responseCode") { $0.detailRecords[0].responseCode = "" },
        RuleCase("sale without authorized amount", code: .missingOrErroneousValue, path: d + "/authorizedAmount") {
            $0.detailRecords[0].authorizedAmount = 0
        },
        RuleCase("card present in a direct marketing batch", .directMarketing, code: .missingOrErroneousValue, path: d + "/transactionType") {
            $0.detailRecords[0].transactionType = .cardPresent
        },
        RuleCase("POS data code missing", code: .missingOrErroneousValue, path: d + "/posDataCode") { $0.detailRecords[0].posDataCode = nil },
        RuleCase("POS data code 11 characters", code: .invalidLength, path: d + "/posDataCode") {
            $0.detailRecords[0].posDataCode = "12345678901"
        },
        RuleCase("merchant verification value not hex", code: .invalidFormat, path: d + "/merchantVerificationValue") {
            $0.detailRecords[0].merchantVerificationValue = "XYZ"
        },
        RuleCase("unknown market specific indicator", code: .outOfRange, path: d + "/marketSpecificData") {
            $0.detailRecords[0].marketSpecificData = "Z"
        },
        RuleCase("cash back not less than the sale", code: .outOfRange, path: d + "/cashBack") { $0.detailRecords[0].cashBack = 2500 },
        RuleCase("cash back with gratuity (Table 3.9)", .restaurant, code: .missingOrErroneousValue, path: d) {
            $0.detailRecords[0].cashBack = 100
            $0.detailRecords[0].gratuity = 100
        },
    ]

    static func credit(_ sale: DetailRecord) -> DetailRecord {
        var credit = sale
        credit.transactionType = .offlineCredit
        credit.authorizedAmount = 0
        credit.approvalCode = ""
        credit.responseACI = ""
        credit.authorizationSource = "9"
        return credit
    }
}
