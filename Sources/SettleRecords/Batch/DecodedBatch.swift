import SettleModel

/// A batch read back from the wire.
public struct DecodedBatch: Sendable, Hashable {
    public var batch: Batch
    /// The totals as the trailer states them (not recomputed).
    public var trailerTotals: BatchTotals
    /// The trailer's own batch transmission date and batch number (they must equal the header's).
    public var trailerDate: LocalDate
    public var trailerBatchNumber: Int
    public var applicationType: Character
    public var blockCount: Int
    /// Sequence number of the trailer record (the number of records received).
    public var trailerSequence: Int
}
