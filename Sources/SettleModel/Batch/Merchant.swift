/// The merchant identity: header and parameter data, as the class reference's `merchant_*`
/// properties plus the agent numbers, terminal id and location number.
///
/// These values must equal what the authorizations used; the host routes and matches on them.
public struct Merchant: Sendable, Hashable {
    /// Acquirer BIN (`merchant_bank_id`), 6 digits, not all zero.
    public var bankId: String
    /// Agent bank number, 6 digits.
    public var agentBankNumber: String
    /// Agent chain number, 6 digits.
    public var agentChainNumber: String
    /// Merchant number, up to 12 digits (right-justified, zero-filled), not all zero.
    public var number: String
    /// Store number, up to 4 digits.
    public var storeNumber: String
    /// Merchant terminal number, up to 4 digits.
    public var terminalNumber: String
    /// Merchant category code (MCC), 4 digits.
    public var categoryCode: String
    /// Merchant name as on the receipt, up to 25 characters.
    public var name: String
    /// Merchant city (card-present industries), up to 13 characters.
    public var city: String
    /// State or province, 2 characters.
    public var state: String
    /// City code: ZIP or postal code, up to 9 characters, spaces and dashes stripped.
    public var zip: String
    /// ISO 3166 numeric country code.
    public var countryCode: String
    /// ISO 4217 numeric currency code.
    public var currencyCode: String
    /// Language indicator, 2 digits (`00` English).
    public var language: String
    /// Time zone differential, 3 digits (`705` US Eastern with DST).
    public var timeZone: String
    /// Merchant local phone `NNN-NNNNNNN` (header group 2).
    public var localPhone: String
    /// Customer-service phone `NNN-NNNNNNN` (header group 2; parameter city slot when card-not-present).
    public var servicePhone: String
    /// Terminal id / V number, 8 digits; a leading `V` is sent as `7`.
    public var terminalId: String
    /// Merchant location number, 5 characters (config `LocationNumber`).
    public var locationNumber: String

    public init(
        bankId: String, agentBankNumber: String = "000000", agentChainNumber: String = "000000",
        number: String, storeNumber: String, terminalNumber: String, categoryCode: String,
        name: String = "", city: String = "", state: String = "", zip: String = "",
        countryCode: String = "840", currencyCode: String = "840", language: String = "00",
        timeZone: String = "705", localPhone: String = "", servicePhone: String = "",
        terminalId: String = "00000001", locationNumber: String = "00001"
    ) {
        self.bankId = bankId
        self.agentBankNumber = agentBankNumber
        self.agentChainNumber = agentChainNumber
        self.number = number
        self.storeNumber = storeNumber
        self.terminalNumber = terminalNumber
        self.categoryCode = categoryCode
        self.name = name
        self.city = city
        self.state = state
        self.zip = zip
        self.countryCode = countryCode
        self.currencyCode = currencyCode
        self.language = language
        self.timeZone = timeZone
        self.localPhone = localPhone
        self.servicePhone = servicePhone
        self.terminalId = terminalId
        self.locationNumber = locationNumber
    }

    /// The city code as sent: spaces and dashes removed (class reference `merchant_zip`).
    public var cityCode: String { zip.filter { $0 != " " && $0 != "-" } }

    /// The terminal id as sent: a leading `V` becomes `7`.
    public var wireTerminalId: String {
        terminalId.first == "V" || terminalId.first == "v" ? "7" + terminalId.dropFirst() : terminalId
    }
}
