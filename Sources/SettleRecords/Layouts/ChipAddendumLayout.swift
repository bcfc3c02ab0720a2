import SettleModel

/// The chip card addendum record (`C@@@@`, EIS 1081 §3.2.7, Tables 3.7 and 3.8;
/// docs/wire/chip-card-addendum.md): 233 bytes of fixed-position EMV values written as
/// upper-case hex text, 245 with group 1 (the cryptogram amount, sent with an ARQC).
///
/// The record carries no tags or lengths: a shorter variable-length value (issuer
/// application data, issuer authentication data, script results) is left-justified and
/// space-filled, as every A/N field is, and a value the transaction lacks is all spaces.
enum ChipAddendumLayout {
    static let baseLength = 233
    static let groupLengths = GroupLengths([1: 12])

    /// The groups a chip addendum carries: group 1 when a cryptogram amount is given.
    static func groups(of chip: ChipData) -> GroupSet {
        var set = GroupSet()
        if chip.cryptogramAmount != nil { set.insert(group: 1) }
        return set
    }

    static func code<C: FieldCoder>(_ chip: inout ChipData, applicationType: inout Character, _ c: inout C) throws(RecordCodingError) {
        try RecordPrefix.code(applicationType: &applicationType, &c)
        var set = c.isDecoding ? GroupSet() : groups(of: chip)
        try GroupMapCoding.code(.chipAddendum, groups: &set, &c)
        try c.text(&chip.transactionType, 2)  // 06
        try c.date(&chip.terminalTransactionDate, .yearMonthDay)  // 07
        try c.text(&chip.terminalVerificationResults, 10)  // 08
        try c.text(&chip.currencyCode, 3)  // 09
        try c.text(&chip.applicationTransactionCounter, 4)  // 10
        try c.text(&chip.applicationInterchangeProfile, 4)  // 11
        try c.text(&chip.applicationCryptogram, 16)  // 12
        try c.text(&chip.unpredictableNumber, 8)  // 13
        try c.text(&chip.issuerApplicationData, 64)  // 14
        try c.text(&chip.cryptogramInformationData, 2)  // 15
        try c.text(&chip.terminalCapabilities, 6)  // 16
        try c.number(&chip.cardSequenceNumber, 3)  // 17
        try c.text(&chip.issuerAuthenticationData, 32)  // 18
        try c.text(&chip.cvmResults, 6)  // 19
        try c.text(&chip.issuerScriptResults, 50)  // 20
        try c.text(&chip.formFactorIndicator, 8)  // 21
        if set.contains(group: 1) {
            var amount = chip.cryptogramAmount ?? .zero
            try c.amount(&amount)
            if c.isDecoding { chip.cryptogramAmount = amount }
        } else if c.isDecoding {
            chip.cryptogramAmount = nil
        }
    }
}
