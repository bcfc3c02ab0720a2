/// The EMV values of one chip transaction: what the Chip Card Addendum record (`C`, EIS 1081
/// Table 3.7; docs/wire/chip-card-addendum.md) carries after its detail.
///
/// Binary EMV values are kept as the upper-case hexadecimal text the record sends (two
/// characters a byte, §3.3), so what the caller gave is what goes on the wire; an empty text is a
/// value the transaction did not have, sent as spaces. Lengths and digits are the validator's.
public struct ChipData: Sendable, Hashable {
    /// Tag 9C, two digits: the transaction type the card computed its cryptogram for (§4.306).
    public var transactionType: String
    /// Tag 9A: the terminal's local date of the authorization (§4.290).
    public var terminalTransactionDate: LocalDate
    /// Tag 95, 5 bytes (§4.291).
    public var terminalVerificationResults: String
    /// Tag 5F2A as three digits, `840` (§4.287).
    public var currencyCode: String
    /// Tag 9F36, 2 bytes (§4.32).
    public var applicationTransactionCounter: String
    /// Tag 82, 2 bytes (§4.31).
    public var applicationInterchangeProfile: String
    /// Tag 9F26, 8 bytes: the ARQC or TC (§4.30).
    public var applicationCryptogram: String
    /// Tag 9F37, 4 bytes (§4.317).
    public var unpredictableNumber: String
    /// Tag 9F10, up to 32 bytes (§4.149).
    public var issuerApplicationData: String
    /// Tag 9F27, 1 byte: `80` ARQC, `40` TC, `00` AAC (§4.83).
    public var cryptogramInformationData: String
    /// Tag 9F33, 3 bytes (§4.285).
    public var terminalCapabilities: String
    /// Tag 5F34, 0-99; 0 when the card has none, which the record cannot tell from `00` (§4.54).
    public var cardSequenceNumber: Int
    /// Tag 91, 8 to 16 bytes, from the issuer's answer (§4.150).
    public var issuerAuthenticationData: String
    /// Tag 9F34, 3 bytes (§4.90).
    public var cvmResults: String
    /// Issuer script results (tag 9F5B), up to 25 bytes: five results of 5 bytes (§4.151).
    public var issuerScriptResults: String
    /// Tag 9F6E, 4 bytes (§4.129).
    public var formFactorIndicator: String
    /// Tag 9F02: the amount the cryptogram was computed over, sent as group 1 when the
    /// cryptogram is an ARQC (§4.82).
    public var cryptogramAmount: Amount?

    /// Whether the cryptogram is an ARQC: Cryptogram Information Data bits 8-7 are `10` (`8x`-`Bx`).
    public var isARQC: Bool {
        guard let first = cryptogramInformationData.utf8.first else { return false }
        return first == UInt8(ascii: "8") || first == UInt8(ascii: "9") || first == UInt8(ascii: "A") || first == UInt8(ascii: "B")
    }

    public init(
        transactionType: String = "00", terminalTransactionDate: LocalDate, terminalVerificationResults: String = "",
        currencyCode: String = "840", applicationTransactionCounter: String = "", applicationInterchangeProfile: String = "",
        applicationCryptogram: String = "", unpredictableNumber: String = "", issuerApplicationData: String = "",
        cryptogramInformationData: String = "", terminalCapabilities: String = "", cardSequenceNumber: Int = 0,
        issuerAuthenticationData: String = "", cvmResults: String = "", issuerScriptResults: String = "",
        formFactorIndicator: String = "", cryptogramAmount: Amount? = nil
    ) {
        self.transactionType = transactionType
        self.terminalTransactionDate = terminalTransactionDate
        self.terminalVerificationResults = terminalVerificationResults
        self.currencyCode = currencyCode
        self.applicationTransactionCounter = applicationTransactionCounter
        self.applicationInterchangeProfile = applicationInterchangeProfile
        self.applicationCryptogram = applicationCryptogram
        self.unpredictableNumber = unpredictableNumber
        self.issuerApplicationData = issuerApplicationData
        self.cryptogramInformationData = cryptogramInformationData
        self.terminalCapabilities = terminalCapabilities
        self.cardSequenceNumber = cardSequenceNumber
        self.issuerAuthenticationData = issuerAuthenticationData
        self.cvmResults = cvmResults
        self.issuerScriptResults = issuerScriptResults
        self.formFactorIndicator = formFactorIndicator
        self.cryptogramAmount = cryptogramAmount
    }
}
