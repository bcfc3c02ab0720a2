/// Writes framed blocks into memory the caller has sized exactly (from a ``BlockPlanner``),
/// applying parity to every byte and keeping the LRC as it goes.
///
/// Every write is bounds-checked against the buffer, so a size mistake is an error, never
/// memory corruption.
public struct FrameWriter {
    public let buffer: UnsafeMutableBufferPointer<UInt8>
    @usableFromInline var _position = 0
    @usableFromInline var lrc: UInt8 = 0
    @usableFromInline var blockStart = 0

    /// Bytes written so far.
    @inlinable public var position: Int { _position }

    public init(buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    /// Bytes still free.
    @inlinable public var remaining: Int { buffer.count - _position }

    /// Starts a block: STX.
    public mutating func openBlock() -> Bool {
        guard remaining >= 1 else { return false }
        blockStart = _position
        buffer[_position] = ControlCharacter.stx.wireByte
        _position += 1
        lrc = 0
        return true
    }

    /// Ends the open block with ETB or ETX and its LRC; returns the block's range.
    public mutating func closeBlock(final: Bool) -> Range<Int>? {
        guard remaining >= 2 else { return nil }
        let terminator = (final ? ControlCharacter.etx : ControlCharacter.etb).wireByte
        lrc ^= terminator
        buffer[_position] = terminator
        buffer[_position + 1] = lrc
        _position += 2
        return blockStart..<_position
    }

    /// Writes a 7-bit data byte with parity. Callers check `remaining` per field; the
    /// precondition is the last guard against writing past the buffer.
    @inlinable @inline(__always)
    public mutating func write(_ byte: UInt8) {
        precondition(_position < buffer.count, "frame buffer overrun")
        let wire = Parity.even(byte)
        lrc ^= wire
        buffer[_position] = wire
        _position += 1
    }
}
