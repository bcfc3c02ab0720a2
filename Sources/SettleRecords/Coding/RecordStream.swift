import SettleFraming

/// The second encoding pass: replays the block plan, opening and closing blocks around the
/// records as they are written.
struct RecordStream {
    let plan: BatchPlan
    var writer: RecordWriter
    var ranges: [Range<Int>] = []
    private var planner: BlockPlanner
    private var recordIndex = 0

    init(plan: BatchPlan, writer: RecordWriter) {
        self.plan = plan
        self.writer = writer
        planner = BlockPlanner(policy: plan.policy)
        ranges.reserveCapacity(plan.blockCount)
    }

    /// Starts the next record, in the open block or a new one.
    mutating func begin(standalone: Bool = false) {
        let length = plan[lengthAt: recordIndex]
        recordIndex += 1
        let starts = planner.place(length: length, standalone: standalone)
        if starts {
            if recordIndex > 1, let range = writer.frame.closeBlock(final: false) { ranges.append(range) }
            _ = writer.frame.openBlock()
        }
        writer.beginRecord(length: length, continuesBlock: !starts)
    }

    /// Closes the last block with ETX.
    mutating func finish() {
        if let range = writer.frame.closeBlock(final: true) { ranges.append(range) }
    }
}
