import SettleJSON

/// A capture as stored (`GET /v1/merchants/{merchantId}/captures/{captureId}`): its record without
/// the card number, which shows masked only.
public struct CaptureDTO: Sendable, Hashable, Encodable {
    public var id: String
    public var merchantId: String
    /// open, voided, closing, settled, held or dropped.
    public var state: String
    public var maskedCardNumber: String
    /// The settlement amount in minor units.
    public var amount: Int64
    /// sale or credit.
    public var kind: String
    /// Whether the card number has been erased (its batch accepted, voided, or kept past its days).
    public var cardNumberErased: Bool
    /// The close that froze it.
    public var closeId: String?
    public var createdAt: String
    public var updatedAt: String
    /// The detail record as it was captured, without `cardNumber`.
    public var record: JSONValue

    public init(
        id: String, merchantId: String, state: String, maskedCardNumber: String, amount: Int64, kind: String, cardNumberErased: Bool,
        closeId: String?, createdAt: String, updatedAt: String, record: JSONValue
    ) {
        self.id = id
        self.merchantId = merchantId
        self.state = state
        self.maskedCardNumber = maskedCardNumber
        self.amount = amount
        self.kind = kind
        self.cardNumberErased = cardNumberErased
        self.closeId = closeId
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.record = record
    }
}

/// The answer to a capture: the capture, the open batch it is in, and when that batch closes.
public struct CaptureReceiptDTO: Sendable, Hashable, Encodable {
    public var capture: CaptureDTO
    public var openBatch: OpenBatchDTO
    /// RFC 3339 in the merchant's cutoff zone; absent when no cutoff is to come.
    public var nextCutoff: String?

    public init(capture: CaptureDTO, openBatch: OpenBatchDTO, nextCutoff: String?) {
        self.capture = capture
        self.openBatch = openBatch
        self.nextCutoff = nextCutoff
    }
}

/// A merchant's open batch: the captures a close would settle now.
public struct OpenBatchDTO: Sendable, Hashable, Encodable {
    public var captures: Int
    /// Sales less credits, in minor units.
    public var netAmount: Int64

    public init(captures: Int, netAmount: Int64) {
        self.captures = captures
        self.netAmount = netAmount
    }
}

/// A page of captures, oldest first.
public struct CaptureListDTO: Sendable, Hashable, Encodable {
    public var captures: [CaptureDTO]
    /// Pass as `after` for the next page; absent on the last.
    public var nextAfter: String?

    public init(captures: [CaptureDTO], nextAfter: String?) {
        self.captures = captures
        self.nextAfter = nextAfter
    }
}
