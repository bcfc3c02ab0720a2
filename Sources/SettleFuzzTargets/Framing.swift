import SettleFraming

/// Records framed as the host and the service frame them.
enum Framing {
    /// `record` as one block: STX, the text with even parity, ETX, the LRC.
    static func framed(_ record: [UInt8]) -> [UInt8] {
        var writer = BlockWriter(policy: BlockingPolicy(combineRecords: false))
        writer.append(record: record)
        return writer.finish().bytes
    }
}
