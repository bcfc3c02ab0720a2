/// A close (`GET /v1/merchants/{merchantId}/closes/{closeId}`): the open batch it froze and how
/// each of its batches is settling.
public struct CloseDTO: Sendable, Hashable, Codable {
    public var id: String
    public var merchantId: String
    /// cutoff or manual.
    public var reason: String
    /// The cutoff it closed (RFC 3339, UTC).
    public var cutoffAt: String?
    /// settling, settled, held or skipped.
    public var state: String
    public var captureCount: Int
    /// Sales less credits, in minor units.
    public var netAmount: Int64
    /// The batches' transmission date: the merchant's local date at the close.
    public var transmissionDate: String
    public var batches: [CloseBatchDTO]
    public var createdAt: String
    public var updatedAt: String

    public init(
        id: String, merchantId: String, reason: String, cutoffAt: String?, state: String, captureCount: Int, netAmount: Int64,
        transmissionDate: String, batches: [CloseBatchDTO], createdAt: String, updatedAt: String
    ) {
        self.id = id
        self.merchantId = merchantId
        self.reason = reason
        self.cutoffAt = cutoffAt
        self.state = state
        self.captureCount = captureCount
        self.netAmount = netAmount
        self.transmissionDate = transmissionDate
        self.batches = batches
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One batch of a close.
public struct CloseBatchDTO: Sendable, Hashable, Codable {
    public var index: Int
    /// pending, accepted or held.
    public var state: String
    /// Tries so far (a rejected capture dropped, or a failure with nothing captured, makes another).
    public var attempt: Int
    public var batchNumber: Int?
    /// The settlement of its latest try (`GET /v1/settlements/{id}`).
    public var settlementId: String?
    public var captureCount: Int
    public var netAmount: Int64
    /// The capture the host rejected.
    public var rejectedCaptureId: String?
    /// Why it is held, or what was done.
    public var note: String?

    public init(
        index: Int, state: String, attempt: Int, batchNumber: Int?, settlementId: String?, captureCount: Int, netAmount: Int64,
        rejectedCaptureId: String?, note: String?
    ) {
        self.index = index
        self.state = state
        self.attempt = attempt
        self.batchNumber = batchNumber
        self.settlementId = settlementId
        self.captureCount = captureCount
        self.netAmount = netAmount
        self.rejectedCaptureId = rejectedCaptureId
        self.note = note
    }
}

/// A merchant's closes, newest first.
public struct CloseListDTO: Sendable, Hashable, Codable {
    public var closes: [CloseDTO]

    public init(closes: [CloseDTO]) { self.closes = closes }
}
