/// Collects one framed block from a byte stream: STX through ETX or ETB and the LRC byte
/// after it. Bytes before STX are not part of a block and are reported as such.
public struct BlockAccumulator: Sendable {
    public private(set) var bytes: [UInt8] = []
    private var terminated = false

    public init() {}

    /// Whether a block has begun (STX seen).
    public var isStarted: Bool { !bytes.isEmpty }

    /// Adds one byte. Returns `true` when the block is complete (its LRC has arrived).
    /// A byte before STX is ignored and reported as `nil`.
    public mutating func append(_ byte: UInt8) -> Bool? {
        if bytes.isEmpty {
            guard Parity.strip(byte) == ControlCharacter.stx.rawValue else { return nil }
            bytes.append(byte)
            return false
        }
        bytes.append(byte)
        if terminated { return true }
        let value = Parity.strip(byte)
        if value == ControlCharacter.etx.rawValue || value == ControlCharacter.etb.rawValue { terminated = true }
        return false
    }

    /// Empties the accumulator for the next block.
    public mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        terminated = false
    }
}
