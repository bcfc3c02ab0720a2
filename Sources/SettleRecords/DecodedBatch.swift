import SettleModel

/// A batch read back from the wire.
public struct DecodedBatch: Sendable, Hashable {
    public var batch: Batch
    /// The totals as the trailer states them (not recomputed).
    public var trailerTotals: BatchTotals
    public var applicationType: Character
    public var blockCount: Int
}
