import SettleRecords

/// How a settlement exchange ended.
public enum LinkResult: Sendable, Hashable {
    /// The host answered with a response record (GB, QD or RB).
    /// `early` is true when it came before the last block (an RB or QD cutting the batch short).
    case answered(HostResponse, early: Bool)
    /// No usable answer. See ``LinkFailure/inDoubt``.
    case failed(LinkFailure)
}
