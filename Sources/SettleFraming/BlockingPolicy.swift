/// How records are packed into blocks (EIS 1081 §4.47, Figure 4.1).
public struct BlockingPolicy: Sendable, Hashable {
    /// Whether several records may share a block (`CombineRecords`, blocking indicator `2`).
    public var combineRecords: Bool
    /// Most records in one block; TSYS recommends three.
    public var maximumRecordsPerBlock: Int
    /// Largest block on the wire, STX, terminator and LRC included.
    public var maximumBlockBytes: Int

    public init(combineRecords: Bool, maximumRecordsPerBlock: Int = 3, maximumBlockBytes: Int = 640) {
        self.combineRecords = combineRecords
        self.maximumRecordsPerBlock = maximumRecordsPerBlock
        self.maximumBlockBytes = maximumBlockBytes
    }

    /// Bytes a block spends on framing: STX, ETB or ETX, LRC.
    public static let framingOverhead = 3
    /// Bytes a record drops when it follows another in the same block: record format,
    /// application type and message delimiter (`K1.`); it then starts at the routing id `Z`.
    public static let continuationPrefixLength = 3
}
