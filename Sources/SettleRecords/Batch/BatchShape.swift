import SettleFraming
import SettleModel

/// What a validated batch will be on the wire (totals, blocks, bytes), found by planning the
/// blocks without writing a byte: a dry run needs the shape, not the bytes.
public struct BatchShape: Sendable, Hashable {
    public var totals: BatchTotals
    public var blockCount: Int
    public var wireBytes: Int
    public var applicationType: Character

    public init(totals: BatchTotals, blockCount: Int, wireBytes: Int, applicationType: Character) {
        self.totals = totals
        self.blockCount = blockCount
        self.wireBytes = wireBytes
        self.applicationType = applicationType
    }
}

extension BatchEncoder {
    /// The shape ``encodeValidated(_:totalsOverride:)`` would produce for `batch`.
    public func shape(_ batch: Batch) -> BatchShape {
        let policy = BlockingPolicy(
            combineRecords: batch.settings.combineRecords, maximumRecordsPerBlock: maximumRecordsPerBlock,
            maximumBlockBytes: maximumBlockBytes)
        let plan = BatchPlan(batch, policy: policy, profile: profile)
        return BatchShape(
            totals: BatchTotals(details: batch.detailRecords), blockCount: plan.blockCount, wireBytes: plan.wireBytes,
            applicationType: plan.applicationType)
    }
}
