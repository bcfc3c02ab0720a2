import SettleFraming

/// A batch ready for the link: its framed blocks, computed totals and sequence map.
public struct EncodedBatch: Sendable, Hashable {
    public var framed: FramedBatch
    public var totals: BatchTotals
    /// `1`, or `5` when any detail carries Level III line items.
    public var applicationType: Character
    public var sequenceMap: RecordSequenceMap

    public init(framed: FramedBatch, totals: BatchTotals, applicationType: Character, sequenceMap: RecordSequenceMap) {
        self.framed = framed
        self.totals = totals
        self.applicationType = applicationType
        self.sequenceMap = sequenceMap
    }

    /// The index of the detail record an RB names (its own record or one of its line items),
    /// the class reference's `error_detail_record_index`; `nil` when it names no detail.
    public func detailIndex(for rejection: HostResponse.Rejection) -> Int? {
        sequenceMap.detailIndex(forSequence: rejection.sequenceNumber)
    }
}
