/// One block read off the wire: its record data (7-bit, parity removed) and how it ended.
public struct DeframedBlock: Sendable, Hashable {
    /// The bytes between STX and the terminator.
    public var payload: [UInt8]
    /// ETB (more blocks follow) or ETX (last block, or a response record).
    public var terminator: ControlCharacter
    /// How many input bytes the block occupied, framing included.
    public var wireLength: Int

    public init(payload: [UInt8], terminator: ControlCharacter, wireLength: Int) {
        self.payload = payload
        self.terminator = terminator
        self.wireLength = wireLength
    }

    public var isFinal: Bool { terminator == .etx }
}
