/// Decides where blocks begin, from record lengths alone (EIS 1081 §4.47): a record joins
/// the open block when blocking is on, the block holds fewer than the maximum records and
/// the block stays within the byte limit; a standalone record (the header) is alone.
///
/// The planner is the one place these rules live: ``BlockWriter`` and the batch encoder's
/// two-pass writer both follow it.
public struct BlockPlanner: Sendable {
    public let policy: BlockingPolicy
    /// Wire bytes of every block so far, the open one included with its framing.
    public private(set) var wireBytes = 0
    public private(set) var blockCount = 0
    private var openBlockBytes = 0
    private var recordsInBlock = 0
    private var openIsStandalone = false

    public init(policy: BlockingPolicy) { self.policy = policy }

    /// Places a record of `length` bytes (full prefix included). Returns `true` when it starts
    /// a new block, `false` when it continues the open one (and so drops its 3-byte prefix).
    public mutating func place(length: Int, standalone: Bool = false) -> Bool {
        let continuation =
            recordsInBlock > 0 && policy.combineRecords && !standalone && !openIsStandalone
            && recordsInBlock < policy.maximumRecordsPerBlock
            && openBlockBytes + length - BlockingPolicy.continuationPrefixLength <= policy.maximumBlockBytes
        if continuation {
            let added = length - BlockingPolicy.continuationPrefixLength
            openBlockBytes += added
            wireBytes += added
            recordsInBlock += 1
            return false
        }
        let bytes = length + BlockingPolicy.framingOverhead
        openBlockBytes = bytes
        wireBytes += bytes
        blockCount += 1
        recordsInBlock = 1
        openIsStandalone = standalone || !policy.combineRecords
        return true
    }
}
