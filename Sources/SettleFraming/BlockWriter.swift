/// Packs records into framed blocks: `STX records ETB|ETX LRC`, every byte with even parity.
///
/// Records arrive as 7-bit bytes with their full prefix (`K1.Z…`). When records share a block,
/// the second and third drop their first three bytes (spec §1.4). A record is never split;
/// a record marked standalone (the header) gets a block of its own. Where blocks begin is
/// decided by ``BlockPlanner``.
public struct BlockWriter: Sendable {
    private var planner: BlockPlanner
    private var records: [(bytes: [UInt8], startsBlock: Bool)] = []

    public init(policy: BlockingPolicy, expectedBytes: Int = 0) {
        planner = BlockPlanner(policy: policy)
    }

    public var policy: BlockingPolicy { planner.policy }

    /// Adds one record. `standalone` records close the open block and occupy one alone.
    public mutating func append(record: [UInt8], standalone: Bool = false) {
        records.append((record, planner.place(length: record.count, standalone: standalone)))
    }

    /// Frames every record added and returns the batch; the last block ends with ETX.
    public mutating func finish() -> FramedBatch {
        var ranges: [Range<Int>] = []
        let bytes = [UInt8](unsafeUninitializedCapacity: planner.wireBytes) { buffer, count in
            var frame = FrameWriter(buffer: buffer)
            for (index, record) in records.enumerated() {
                if record.startsBlock {
                    if index > 0, let range = frame.closeBlock(final: false) { ranges.append(range) }
                    _ = frame.openBlock()
                }
                for byte in record.bytes.dropFirst(record.startsBlock ? 0 : BlockingPolicy.continuationPrefixLength) {
                    frame.write(byte)
                }
            }
            if !records.isEmpty, let range = frame.closeBlock(final: true) { ranges.append(range) }
            count = frame.position
        }
        return FramedBatch(bytes: bytes, blockRanges: ranges)
    }
}
