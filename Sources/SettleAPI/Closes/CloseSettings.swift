/// How closes are settled: the class reference's recommendations, and the one choice it leaves
/// to the terminal (what to do with a batch the host rejected).
public struct CloseSettings: Sendable, Hashable {
    /// Most captures in one batch (the class reference recommends batches of at most 100).
    public var batchSize: Int
    /// On `RB`, drop the capture the host named and send the rest again under the same batch
    /// number (the class reference's recovery); off, the batch is held for an operator.
    public var dropsRejectedCaptures: Bool
    /// Tries of a batch that failed with nothing captured before it is held.
    public var maximumAttempts: Int
    /// Days a card number is kept for a batch not accepted.
    public var retentionDays: Int
    /// How long a replica's claim on a close it is settling lasts (renewed batch by batch).
    public var claim: Duration

    public init(
        batchSize: Int = 100, dropsRejectedCaptures: Bool = false, maximumAttempts: Int = 3, retentionDays: Int = 14,
        claim: Duration = .seconds(120)
    ) {
        self.batchSize = batchSize
        self.dropsRejectedCaptures = dropsRejectedCaptures
        self.maximumAttempts = maximumAttempts
        self.retentionDays = retentionDays
        self.claim = claim
    }

    /// ``claim`` in seconds.
    var claimSeconds: Double { Double(claim.components.seconds) + Double(claim.components.attoseconds) / 1e18 }
}
