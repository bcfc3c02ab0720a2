/// A whole batch as wire bytes (parity applied), with the byte range of each block.
///
/// The socket link sends one block at a time and waits for its acknowledgement; the HTTP
/// link posts ``bytes`` whole.
public struct FramedBatch: Sendable, Hashable {
    /// Every block back to back, exactly as transmitted.
    public var bytes: [UInt8]
    /// The range of each block within ``bytes``, in order.
    public var blockRanges: [Range<Int>]

    public init(bytes: [UInt8], blockRanges: [Range<Int>]) {
        self.bytes = bytes
        self.blockRanges = blockRanges
    }

    public var blockCount: Int { blockRanges.count }

    /// The wire bytes of block `index`.
    public func block(_ index: Int) -> ArraySlice<UInt8> { bytes[blockRanges[index]] }
}
