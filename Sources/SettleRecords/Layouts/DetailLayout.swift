import SettleModel

/// The detail record (EIS 1081 Table 3.5): 108 base bytes, then its optional groups in
/// ascending order (Table 3.6).
enum DetailLayout {
    static let baseLength = 108

    static func code<C: FieldCoder>(
        _ d: inout DetailRecord, industry: IndustryType, profile: WireProfile, applicationType: inout Character, _ c: inout C
    ) throws(RecordCodingError) {
        try RecordPrefix.code(applicationType: &applicationType, &c)
        var set = c.isDecoding ? GroupSet() : d.optionalGroups(industry: industry)
        try GroupMapCoding.code(.detail, groups: &set, &c)
        let billPayment = try codeTransactionCode(&d, profile: profile, &c)
        try c.text(&d.cardholderId, 1)
        // `5B` names no card-present state; the cardholder id `N` (card not present) does, and the
        // validator keeps the two in step when encoding.
        if billPayment { d.transactionType = d.cardholderId == "N" ? .cardNotPresent : .cardPresent }
        try c.text(&d.accountDataSource, 1)
        var pan = d.cardNumber.digits
        try c.text(&pan, 22)
        if c.isDecoding { d.cardNumber = CardNumber(pan) }
        try c.text(&d.requestedACI, 1)
        try c.text(&d.responseACI, 1)
        try c.text(&d.authorizationSource, 1)
        try c.number(&d.transactionNumber, 4)
        try c.text(&d.responseCode, 2)
        try c.text(&d.approvalCode, 6)
        try c.date(&d.transactionDate, .monthDay)
        try c.time(&d.transactionTime)
        try c.text(&d.avsResult, 1)
        try codeZeroDefault(&d.transactionId, 15, &c)
        try c.text(&d.validationCode, 4)
        try c.literal(" ")  // void indicator: voided sales are left out of the batch instead
        try codeTransactionStatus(&d, &c)
        try c.text(&d.reimbursementAttribute, 1)
        try c.amount(&d.settlementAmount)
        try c.amount(&d.authorizedAmount)
        try DetailGroupLayouts.code(set, &d, industry: industry, profile: profile, &c)
    }

    /// The transaction code; decoding tells a force from a sale by its off-line authorization source.
    /// Returns whether a decoded code was the credit bill payment code `5B`, which leaves the
    /// card-present state to the cardholder id. Decoding accepts both bill payment forms whatever the
    /// profile says, so a simulator and a client set differently still understand each other.
    private static func codeTransactionCode<C: FieldCoder>(
        _ d: inout DetailRecord, profile: WireProfile, _ c: inout C
    ) throws(RecordCodingError) -> Bool {
        let number = c.fieldNumber
        var code = d.transactionType.wireTransactionCode(marketSpecificData: d.marketSpecificData, profile: profile) ?? ""
        if !c.isDecoding && code.isEmpty {
            throw RecordCodingError(fieldNumber: number, data: d.transactionType.rawValue, reason: "transaction type not supported")
        }
        try c.text(&code, 2)
        guard c.isDecoding else { return false }
        switch code {
        case "54": d.transactionType = .cardPresent
        case "56": d.transactionType = .cardNotPresent
        case "5B": return true
        case "CR": d.transactionType = .offlineCredit
        case "93", "9B": d.transactionType = .debitPurchase
        case "94": d.transactionType = .debitRefund
        default: throw RecordCodingError(fieldNumber: number, data: code, reason: "unsupported transaction code")
        }
        return false
    }

    /// Called after the base fields are read: a sale with an off-line authorization source is a force.
    static func resolveForce(_ d: inout DetailRecord) {
        guard TransactionType.isOfflineApproval(source: d.authorizationSource) else { return }
        if d.transactionType == .cardPresent { d.transactionType = .forceCardPresent }
        if d.transactionType == .cardNotPresent { d.transactionType = .forceCardNotPresent }
    }

    /// Transaction status code, one 2-digit field (22): position 1 an authorization reversal was
    /// sent, position 2 the debit acknowledgement was not received.
    private static func codeTransactionStatus<C: FieldCoder>(_ d: inout DetailRecord, _ c: inout C) throws(RecordCodingError) {
        let number = c.fieldNumber
        var status = (d.authorizationReversalSent ? 10 : 0) + (d.debitAcknowledgementMissing ? 1 : 0)
        try c.number(&status, 2)
        guard c.isDecoding else { return }
        guard status / 10 <= 1 && status % 10 <= 1 else {
            throw RecordCodingError(fieldNumber: number, data: String(status), reason: "transaction status digits must be 0 or 1")
        }
        d.authorizationReversalSent = status / 10 == 1
        d.debitAcknowledgementMissing = status % 10 == 1
    }

    /// An A/N field that is zero-filled when empty (transaction identifier).
    private static func codeZeroDefault<C: FieldCoder>(_ value: inout String, _ width: Int, _ c: inout C) throws(RecordCodingError) {
        if c.isDecoding {
            try c.text(&value, width)
            if value.utf8.allSatisfy({ $0 == 48 }) { value = "" }
        } else if value.isEmpty {
            var none = ""
            try c.text(&none, width, pad: 0x30)
        } else {
            try c.text(&value, width)
        }
    }
}
