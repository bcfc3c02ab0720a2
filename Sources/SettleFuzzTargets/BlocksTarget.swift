import SettleFraming

/// Blocks read from a batch agree with the blocks the link's accumulator collects byte by byte:
/// when the reader accepts the bytes, the accumulator cuts them at the same places, and each of
/// its blocks reads alone as the reader's.
enum BlocksTarget {
    static func run(_ bytes: [UInt8]) -> FuzzFailure? {
        _ = try? BlockReader.readBlock(bytes)
        guard let blocks = try? BlockReader.readBatch(bytes) else { return nil }
        var accumulator = BlockAccumulator()
        var collected: [DeframedBlock] = []
        for byte in bytes where accumulator.append(byte) == true {
            guard let block = try? BlockReader.readBlock(accumulator.bytes) else {
                return FuzzFailure("a block the batch reader accepted does not read alone", "block \(collected.count + 1)")
            }
            collected.append(block)
            accumulator.reset()
        }
        guard collected == blocks else {
            return FuzzFailure("the accumulator cut the batch otherwise than the reader", "\(collected.count) blocks collected, \(blocks.count) read")
        }
        return nil
    }
}
