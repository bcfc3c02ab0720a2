import SettleRecords

/// What the simulated host received and answered, card numbers masked: for tests to inspect.
public struct HostTranscript: Sendable, Hashable {
    /// Each block as received (after parity was removed), with detail card numbers masked.
    public var blocks: [String] = []
    /// Blocks that arrived damaged (and were NAKed).
    public var damagedBlocks = 0
    /// Responses sent, in order.
    public var responses: [HostResponse] = []
    /// How the session ended for the host: the client's final ACK/EOT, or a disconnect.
    public var clientAcknowledgedResponse = false

    public init() {}
}
