import SettleJSON
import SettleModel

/// Reads one element of `detailRecords`.
struct DetailReader {
    let industry: IndustryType

    static let keys = KeySet(ownKeys + ExtendedDetailReader.detailKeys)
    private static let ownKeys: [StaticString] = [
        "transactionType", "industryType", "cardholderId", "accountDataSource", "cardNumber", "settlementAmount",
        "authorizedAmount", "totalAuthorizedAmount", "transactionDate", "transactionTime", "transactionNumber", "approvalCode",
        "authorizationSource", "requestedACI", "responseACI", "responseCode", "avsResult", "transactionId", "validationCode",
        "reimbursementAttribute", "authorizationReversalSent", "debitAcknowledgementMissing", "purchaseIdentifier", "cashBack",
        "gratuity", "cardNotPresent", "autoRental", "lodging", "passengerTransport", "debit", "merchantVerificationValue",
        "level2", "level3", "marketSpecificData", "posDataCode", "entryDataSource", "isBillPayment", "chip",
    ]

    static let placeholder = DetailRecord(
        transactionType: .cardPresent, cardNumber: CardNumber(""), settlementAmount: 0,
        transactionDate: LocalDate.placeholder, transactionTime: TimeOfDay(hour: 0, minute: 0, second: 0),
        transactionNumber: 0)

    func read(_ d: DocumentObject, _ issues: inout IssueList) -> DetailRecord {
        let d = d.reading(Self.keys, &issues)
        // The class reference requires each aggregate's industry to match the batch's.
        if d.has("industryType"), let own: IndustryType = d.choice("industryType", &issues), own != industry {
            issues.add(
                .missingOrErroneousValue, d.path("industryType"),
                "is \(own.rawValue) but the batch is \(industry.rawValue): settle one batch per industry type")
        }
        let kind: TransactionType = d.choice("transactionType", &issues) ?? .cardPresent
        let notPresent = kind == .cardNotPresent || kind == .forceCardNotPresent || industry == .directMarketing
        let offlineSource = kind == .offlineCredit ? "9" : kind.isForce ? "E" : nil
        // Every field is read into a local and the record made by one initializer: setting
        // fields on a record after making it cost a copy of the whole record (profiled).
        let purchaseIdentifier = d.string("purchaseIdentifier", default: "", &issues)
        let cardNumber = CardNumber(d.string("cardNumber", &issues))
        let groups = GroupReaders()
        let level3Object = d.object("level3", &issues)
        return DetailRecord(
            transactionType: kind,
            cardholderId: d.string("cardholderId", default: notPresent ? "N" : "@", &issues),
            accountDataSource: accountDataSource(d, default: notPresent || kind.isCredit ? "@" : nil, &issues),
            cardNumber: cardNumber,
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
            purchaseIdentifier: level3Object.map { level3PurchaseIdentifier($0, detail: purchaseIdentifier, &issues) } ?? purchaseIdentifier,
            cashBack: d.optionalAmount("cashBack", &issues),
            gratuity: d.optionalAmount("gratuity", &issues),
            cardNotPresent: d.object("cardNotPresent", &issues).map { groups.cardNotPresent($0, &issues) },
            autoRental: d.object("autoRental", &issues).map { groups.autoRental($0, &issues) },
            lodging: d.object("lodging", &issues).map { groups.lodging($0, &issues) },
            passengerTransport: d.object("passengerTransport", &issues).map { groups.passengerTransport($0, &issues) },
            debit: d.object("debit", &issues).map { groups.debit($0, &issues) },
            merchantVerificationValue: d.optionalString("merchantVerificationValue", &issues),
            level2: d.object("level2", &issues).map { CommercialReaders().level2($0, &issues) },
            level3: level3Object.map { CommercialReaders().level3($0, &issues) },
            marketSpecificData: marketSpecificData(d, &issues),
            posDataCode: d.optionalString("posDataCode", &issues),
            chip: d.object("chip", &issues).map { ChipReader(transactionType: kind, brand: cardNumber.brand).read($0, &issues) },
            extended: ExtendedDetailReader().read(d, &issues))
    }

    /// `marketSpecificData`, or B for the class reference's `IsBillPayment`.
    private func marketSpecificData(_ d: DocumentObject, _ issues: inout IssueList) -> String? {
        let given = d.optionalString("marketSpecificData", &issues)
        guard d.bool("isBillPayment", default: false, &issues) else { return given }
        if let given, given != "B" {
            issues.add(.missingOrErroneousValue, d.path("isBillPayment"), "conflicts with marketSpecificData '\(given)'")
        }
        return "B"
    }

    /// Class reference `TSYSLevel3.PurchaseIdentifier` is the detail's purchase identifier.
    private func level3PurchaseIdentifier(_ level3: DocumentObject, detail: String, _ issues: inout IssueList) -> String {
        guard let identifier = level3.optionalString("purchaseIdentifier", &issues) else { return detail }
        if !detail.isEmpty && detail != identifier {
            issues.add(.missingOrErroneousValue, level3.path("purchaseIdentifier"), "differs from the detail's purchaseIdentifier")
        }
        return identifier
    }

    /// `accountDataSource`, or the class reference's `entryDataSource` name for it.
    private func accountDataSource(_ d: DocumentObject, default fallback: String?, _ issues: inout IssueList) -> String {
        guard d.has("entryDataSource") else { return d.string("accountDataSource", default: fallback, &issues) }
        if d.has("accountDataSource") {
            issues.add(.missingOrErroneousValue, d.path("entryDataSource"), "give accountDataSource or entryDataSource, not both")
        }
        guard let entry: EntryDataSource = d.choice("entryDataSource", &issues) else { return fallback ?? "" }
        guard let code = entry.accountDataSource else {
            issues.add(
                .missingOrErroneousValue, d.path("entryDataSource"),
                "'\(entry.rawValue)' has no certain account data source code; give accountDataSource instead")
            return fallback ?? ""
        }
        return code
    }
}
