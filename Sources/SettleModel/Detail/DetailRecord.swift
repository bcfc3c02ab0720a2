/// One transaction to settle: the base detail record, its authorization echo and its optional groups.
///
/// Field names follow the class reference's `TSYSDetailRecord`. Values that must echo the
/// authorization (sequence number, ACIs, source, response and approval codes, AVS result,
/// transaction id, validation code, reimbursement attribute, authorized amount) are copied
/// unchanged from the authorization response.
public struct DetailRecord: Sendable, Hashable {
    public var transactionType: TransactionType
    /// Cardholder identification code, 1 character (`@`, `N`, `Z`, `M`, …).
    public var cardholderId: String
    /// Account data source, 1 character (`@` keyed, `D` track 2, `H` track 1, …).
    public var accountDataSource: String
    public var cardNumber: CardNumber
    public var settlementAmount: Amount
    /// Amount of the first authorization; zero for off-line credits and forces.
    public var authorizedAmount: Amount
    /// Local transaction date (retail: authorization date; direct marketing: ship date;
    /// hotel: check-out; auto rental: return).
    public var transactionDate: LocalDate
    public var transactionTime: TimeOfDay
    /// Transaction sequence number from the authorization request, 1–9999.
    public var transactionNumber: Int
    public var approvalCode: String
    public var authorizationSource: String
    public var requestedACI: String
    /// Returned ACI from the authorization response (the class reference's `ResponseACI`).
    public var responseACI: String
    public var responseCode: String
    public var avsResult: String
    public var transactionId: String
    public var validationCode: String
    public var reimbursementAttribute: String
    /// Transaction status code position 1: an authorization reversal was sent.
    public var authorizationReversalSent: Bool
    /// Transaction status code position 2: the debit acknowledgement was not received.
    public var debitAcknowledgementMissing: Bool

    /// Sum of the original and incremental authorizations less reversals (groups 3, 4, 5, 25).
    /// `nil` sends the authorized amount (zero for off-line records).
    public var totalAuthorizedAmount: Amount?
    /// Order, folio or rental agreement number (groups 3, 4, 5, 25), up to 25 characters.
    public var purchaseIdentifier: String

    /// Group 1.
    public var cashBack: Amount?
    /// Group 2 (restaurant).
    public var gratuity: Amount?
    /// Group 12 (card not present), with group 3 in direct-marketing batches.
    public var cardNotPresent: CardNotPresentData?
    /// Groups 4 and 13 (auto rental batches).
    @Boxed public var autoRental: AutoRental?
    /// Groups 5 and 7 (hotel batches).
    @Boxed public var lodging: Lodging?
    /// Group 9 (passenger transport batches).
    @Boxed public var passengerTransport: PassengerTransport?
    /// Group 10 (debit purchase and refund).
    @Boxed public var debit: DirectDebit?
    /// Group 20: merchant verification value, hexadecimal, up to 10 characters.
    public var merchantVerificationValue: String?
    /// Group 22 (Visa / MasterCard) or group 21 (American Express).
    @Boxed public var level2: Level2?
    /// Groups 25 and 26 or 27, plus one line-item record per item.
    @Boxed public var level3: Level3?
    /// Group 31: market specific data indicator (`B` bill payment, `M` healthcare, …).
    public var marketSpecificData: String?
    /// Group 32: POS data code, 12 characters (mandatory on modern batches).
    public var posDataCode: String?
    /// The EMV values of a chip transaction, sent as a chip card addendum record right after
    /// this detail (before its line items).
    @Boxed public var chip: ChipData?
    /// Lane, e-commerce, token, payment facilitator and card network data (groups 6, 11, 14, 16-18,
    /// 36-38, 40, 41, 45, 46); `nil` when the detail has none.
    @Boxed public var extended: ExtendedDetail?

    public init(
        transactionType: TransactionType, cardholderId: String = "@", accountDataSource: String = "@",
        cardNumber: CardNumber, settlementAmount: Amount, authorizedAmount: Amount = 0,
        transactionDate: LocalDate, transactionTime: TimeOfDay, transactionNumber: Int,
        approvalCode: String = "", authorizationSource: String = "", requestedACI: String = "Y",
        responseACI: String = "", responseCode: String = "", avsResult: String = "0",
        transactionId: String = "", validationCode: String = "", reimbursementAttribute: String = "0",
        authorizationReversalSent: Bool = false, debitAcknowledgementMissing: Bool = false,
        totalAuthorizedAmount: Amount? = nil, purchaseIdentifier: String = "",
        cashBack: Amount? = nil, gratuity: Amount? = nil, cardNotPresent: CardNotPresentData? = nil,
        autoRental: AutoRental? = nil, lodging: Lodging? = nil, passengerTransport: PassengerTransport? = nil,
        debit: DirectDebit? = nil, merchantVerificationValue: String? = nil, level2: Level2? = nil,
        level3: Level3? = nil, marketSpecificData: String? = nil, posDataCode: String? = nil, chip: ChipData? = nil,
        extended: ExtendedDetail? = nil
    ) {
        self.transactionType = transactionType
        self.cardholderId = cardholderId
        self.accountDataSource = accountDataSource
        self.cardNumber = cardNumber
        self.settlementAmount = settlementAmount
        self.authorizedAmount = authorizedAmount
        self.transactionDate = transactionDate
        self.transactionTime = transactionTime
        self.transactionNumber = transactionNumber
        self.approvalCode = approvalCode
        self.authorizationSource = authorizationSource
        self.requestedACI = requestedACI
        self.responseACI = responseACI
        self.responseCode = responseCode
        self.avsResult = avsResult
        self.transactionId = transactionId
        self.validationCode = validationCode
        self.reimbursementAttribute = reimbursementAttribute
        self.authorizationReversalSent = authorizationReversalSent
        self.debitAcknowledgementMissing = debitAcknowledgementMissing
        self.totalAuthorizedAmount = totalAuthorizedAmount
        self.purchaseIdentifier = purchaseIdentifier
        self.cashBack = cashBack
        self.gratuity = gratuity
        self.cardNotPresent = cardNotPresent
        self.autoRental = autoRental
        self.lodging = lodging
        self.passengerTransport = passengerTransport
        self.debit = debit
        self.merchantVerificationValue = merchantVerificationValue
        self.level2 = level2
        self.level3 = level3
        self.marketSpecificData = marketSpecificData
        self.posDataCode = posDataCode
        self.chip = chip
        self.extended = extended
    }

    /// Number of Level III line-item records that follow this detail.
    @inlinable public var lineItemCount: Int { $level3.with { $0.lineItems.count } ?? 0 }

    /// Records that follow this detail in the batch: its chip addendum, its line items, its
    /// Canadian tax records and its transaction advice records.
    @inlinable public var followingRecordCount: Int {
        lineItemCount + ($chip.with { _ in 1 } ?? 0) + ($extended.with(\.addendaRecordCount) ?? 0)
    }
}
