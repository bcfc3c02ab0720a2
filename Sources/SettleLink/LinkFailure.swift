import SettleModel

/// A settlement that ended without a usable response.
public struct LinkFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The class reference's error number (201/301 timeout, 518 LRC, 521 truncated, 522 host
    /// disconnected, 523 no response, 524 protocol error, 594, 595, …).
    public var code: ErrorCode
    public var message: String
    /// `true` when the last block (the trailer) had been sent: the host may have captured the
    /// batch, so it must not simply be sent again. `false` means nothing was captured.
    public var inDoubt: Bool
    /// Blocks the host acknowledged before the failure.
    public var blocksAcknowledged: Int

    public init(code: ErrorCode, message: String, inDoubt: Bool, blocksAcknowledged: Int) {
        self.code = code
        self.message = message
        self.inDoubt = inDoubt
        self.blocksAcknowledged = blocksAcknowledged
    }

    public var description: String { "\(code.rawValue) \(message)\(inDoubt ? " (in doubt: the batch may have been captured)" : "")" }
}
