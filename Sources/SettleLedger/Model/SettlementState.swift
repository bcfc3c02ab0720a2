/// Where a submission stands. `received` → `transmitting` → one of the ends; `in_doubt` ends
/// only when an operator resolves it.
public enum SettlementState: String, Sendable, Hashable, CaseIterable, Codable {
    /// Recorded, nothing sent yet.
    case received
    /// The link is open; the host may have some or all of it.
    case transmitting
    /// `GB`: the host took the batch.
    case accepted
    /// `QD`: the host already had this batch number.
    case duplicate
    /// `RB`: the host refused the batch; it may be corrected and sent again with the same number.
    case rejected
    /// Known not captured (the link failed before the trailer went out).
    case failed
    /// The link broke or timed out after the trailer may have reached the host.
    case inDoubt = "in_doubt"

    /// Settled money, as far as the batch-number guard is concerned.
    var holdsBatchNumber: Bool { self == .accepted }
}
