import SettleModel

/// Reads one element of `detailRecords`.
struct DetailReader {
    let industry: IndustryType

    static let keys: KeySet = [
        "transactionType", "industryType", "cardholderId", "accountDataSource", "cardNumber", "settlementAmount",
        "authorizedAmount", "totalAuthorizedAmount", "transactionDate", "transactionTime", "transactionNumber", "approvalCode",
        "authorizationSource", "requestedACI", "responseACI", "responseCode", "avsResult", "transactionId", "validationCode",
        "reimbursementAttribute", "authorizationReversalSent", "debitAcknowledgementMissing", "purchaseIdentifier", "cashBack",
        "gratuity", "cardNotPresent", "autoRental", "lodging", "passengerTransport", "debit", "merchantVerificationValue",
        "level2", "level3", "marketSpecificData", "posDataCode", "entryDataSource", "isBillPayment",
    ]

    static let placeholder = DetailRecord(
        transactionType: .cardPresent, cardNumber: CardNumber(""), settlementAmount: 0,
        transactionDate: LocalDate.placeholder, transactionTime: TimeOfDay(hour: 0, minute: 0, second: 0),
        transactionNumber: 0)

    func read(_ d: DocumentObject, _ issues: inout IssueList) -> DetailRecord {
        d.checkKeys(Self.keys, &issues)
        // The class reference requires each aggregate's industry to match the batch's.
        if d.has("industryType"), let own: IndustryType = d.choice("industryType", &issues), own != industry {
            issues.add(.missingOrErroneousValue, d.path("industryType"),
                "is \(own.rawValue) but the batch is \(industry.rawValue): settle one batch per industry type")
        }
        let kind: TransactionType = d.choice("transactionType", &issues) ?? .cardPresent
        let notPresent = kind == .cardNotPresent || kind == .forceCardNotPresent || industry == .directMarketing
        let offlineSource = kind == .offlineCredit ? "9" : kind.isForce ? "E" : nil
        var detail = DetailRecord(
            transactionType: kind,
            cardholderId: d.string("cardholderId", default: notPresent ? "N" : "@", &issues),
            accountDataSource: accountDataSource(d, default: notPresent || kind.isCredit ? "@" : nil, &issues),
            cardNumber: CardNumber(d.string("cardNumber", &issues)),
            settlementAmount: d.amount("settlementAmount", &issues),
            authorizedAmount: d.amount("authorizedAmount", default: kind.isCredit || kind.isForce ? .zero : nil, &issues),
            transactionDate: d.date("transactionDate", &issues), transactionTime: d.time("transactionTime", &issues),
            transactionNumber: d.int("transactionNumber", &issues),
            approvalCode: d.string("approvalCode", default: kind.isCredit ? "" : nil, &issues),
            authorizationSource: d.string("authorizationSource", default: offlineSource, &issues),
            requestedACI: d.string("requestedACI", default: "Y", &issues),
            responseACI: d.string("responseACI", default: "", &issues),
            responseCode: d.string("responseCode", default: kind.isCredit || kind.isForce ? "" : nil, &issues),
            avsResult: d.string("avsResult", default: "0", &issues),
            transactionId: d.string("transactionId", default: "", &issues),
            validationCode: d.string("validationCode", default: "", &issues),
            reimbursementAttribute: d.string("reimbursementAttribute", default: "0", &issues),
            authorizationReversalSent: d.bool("authorizationReversalSent", default: false, &issues),
            debitAcknowledgementMissing: d.bool("debitAcknowledgementMissing", default: false, &issues),
            totalAuthorizedAmount: d.optionalAmount("totalAuthorizedAmount", &issues),
            purchaseIdentifier: d.string("purchaseIdentifier", default: "", &issues))
        detail.cashBack = d.optionalAmount("cashBack", &issues)
        detail.gratuity = d.optionalAmount("gratuity", &issues)
        detail.merchantVerificationValue = d.optionalString("merchantVerificationValue", &issues)
        detail.marketSpecificData = d.optionalString("marketSpecificData", &issues)
        // Class reference `IsBillPayment`: market specific data indicator B.
        if d.bool("isBillPayment", default: false, &issues) {
            if let other = detail.marketSpecificData, other != "B" {
                issues.add(.missingOrErroneousValue, d.path("isBillPayment"), "conflicts with marketSpecificData '\(other)'")
            }
            detail.marketSpecificData = "B"
        }
        detail.posDataCode = d.optionalString("posDataCode", &issues)
        let groups = GroupReaders()
        detail.cardNotPresent = d.object("cardNotPresent", &issues).map { groups.cardNotPresent($0, &issues) }
        detail.lodging = d.object("lodging", &issues).map { groups.lodging($0, &issues) }
        detail.autoRental = d.object("autoRental", &issues).map { groups.autoRental($0, &issues) }
        detail.passengerTransport = d.object("passengerTransport", &issues).map { groups.passengerTransport($0, &issues) }
        detail.debit = d.object("debit", &issues).map { groups.debit($0, &issues) }
        detail.level2 = d.object("level2", &issues).map { CommercialReaders().level2($0, &issues) }
        if let level3 = d.object("level3", &issues) {
            detail.level3 = CommercialReaders().level3(level3, &issues)
            // Class reference `TSYSLevel3.PurchaseIdentifier` is the detail's purchase identifier.
            if let identifier = level3.optionalString("purchaseIdentifier", &issues) {
                if !detail.purchaseIdentifier.isEmpty && detail.purchaseIdentifier != identifier {
                    issues.add(.missingOrErroneousValue, level3.path("purchaseIdentifier"), "differs from the detail's purchaseIdentifier")
                }
                detail.purchaseIdentifier = identifier
            }
        }
        return detail
    }

    /// `accountDataSource`, or the class reference's `entryDataSource` name for it.
    private func accountDataSource(_ d: DocumentObject, default fallback: String?, _ issues: inout IssueList) -> String {
        guard d.has("entryDataSource") else { return d.string("accountDataSource", default: fallback, &issues) }
        if d.has("accountDataSource") {
            issues.add(.missingOrErroneousValue, d.path("entryDataSource"), "give accountDataSource or entryDataSource, not both")
        }
        guard let entry: EntryDataSource = d.choice("entryDataSource", &issues) else { return fallback ?? "" }
        guard let code = entry.accountDataSource else {
            issues.add(.missingOrErroneousValue, d.path("entryDataSource"),
                "'\(entry.rawValue)' has no certain account data source code; give accountDataSource instead")
            return fallback ?? ""
        }
        return code
    }
}
