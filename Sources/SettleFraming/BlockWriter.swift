/// Packs records into framed blocks: `STX records ETB|ETX LRC`, every byte with even parity.
///
/// Records arrive as 7-bit bytes with their full prefix (`K1.Z…`). When records share a block,
/// the second and third drop their first three bytes (spec §1.4). A record is never split;
/// a record marked standalone (the header) gets a block of its own.
public struct BlockWriter: Sendable {
    public let policy: BlockingPolicy
    private var output: [UInt8] = []
    private var blockRanges: [Range<Int>] = []
    private var blockStart = 0
    private var recordsInBlock = 0
    private var lrc: UInt8 = 0

    /// - Parameter expectedBytes: a size hint so the output is allocated once.
    public init(policy: BlockingPolicy, expectedBytes: Int = 0) {
        self.policy = policy
        output.reserveCapacity(expectedBytes)
    }

    /// Adds one record. `standalone` records close the open block and occupy one alone.
    public mutating func append(record: UnsafeBufferPointer<UInt8>, standalone: Bool = false) {
        let continuation = recordsInBlock > 0 && policy.combineRecords && !standalone
            && recordsInBlock < policy.maximumRecordsPerBlock
            && (output.count - blockStart) + record.count - BlockingPolicy.continuationPrefixLength + 2
                <= policy.maximumBlockBytes
        if recordsInBlock > 0 && !continuation { closeBlock(terminator: .etb) }
        if recordsInBlock == 0 {
            blockStart = output.count
            output.append(ControlCharacter.stx.wireByte)
            lrc = 0
        }
        let body = continuation ? UnsafeBufferPointer(rebasing: record[BlockingPolicy.continuationPrefixLength...]) : record
        for byte in body {
            let wire = Parity.even(byte)
            lrc ^= wire
            output.append(wire)
        }
        recordsInBlock += 1
        if standalone || !policy.combineRecords { closeBlock(terminator: .etb) }
    }

    /// Adds one record from an array.
    public mutating func append(record: [UInt8], standalone: Bool = false) {
        record.withUnsafeBufferPointer { append(record: $0, standalone: standalone) }
    }

    /// Closes the last block with ETX and returns the framed batch.
    public mutating func finish() -> FramedBatch {
        if recordsInBlock > 0 {
            closeBlock(terminator: .etx)
        } else if let last = blockRanges.indices.last {
            // The last record was standalone and already closed with ETB: the final block ends with ETX.
            retagLastBlockAsFinal(last)
        }
        return FramedBatch(bytes: output, blockRanges: blockRanges)
    }

    private mutating func closeBlock(terminator: ControlCharacter) {
        let wire = terminator.wireByte
        lrc ^= wire
        output.append(wire)
        output.append(lrc)
        blockRanges.append(blockStart..<output.count)
        recordsInBlock = 0
    }

    private mutating func retagLastBlockAsFinal(_ index: Int) {
        let range = blockRanges[index]
        let terminatorIndex = range.upperBound - 2
        let oldLRC = output[range.upperBound - 1]
        output[terminatorIndex] = ControlCharacter.etx.wireByte
        output[range.upperBound - 1] = oldLRC ^ ControlCharacter.etb.wireByte ^ ControlCharacter.etx.wireByte
    }
}
