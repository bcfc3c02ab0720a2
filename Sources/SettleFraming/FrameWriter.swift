/// Writes framed blocks into memory the caller has sized exactly (from a ``BlockPlanner``).
///
/// Record bytes are written as plain 7-bit data; when a block is closed, parity is applied
/// to the whole block and its LRC computed in one tight loop, which is several times faster
/// than doing both per byte as fields are written.
public struct FrameWriter {
    public let buffer: UnsafeMutableBufferPointer<UInt8>
    @usableFromInline var _position = 0
    @usableFromInline var blockStart = 0

    public init(buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

    /// Bytes written so far.
    @inlinable public var position: Int { _position }

    /// Bytes still free.
    @inlinable public var remaining: Int { buffer.count - _position }

    /// Starts a block: STX.
    public mutating func openBlock() -> Bool {
        guard remaining >= 1 else { return false }
        blockStart = _position
        buffer[_position] = ControlCharacter.stx.rawValue
        _position += 1
        return true
    }

    /// Ends the open block with ETB or ETX, applies parity to every byte of the block and
    /// appends its LRC; returns the block's range.
    public mutating func closeBlock(final: Bool) -> Range<Int>? {
        guard remaining >= 2 else { return nil }
        buffer[_position] = (final ? ControlCharacter.etx : ControlCharacter.etb).rawValue
        _position += 1
        var lrc: UInt8 = 0
        // The LRC covers every byte after STX up to and including the terminator.
        buffer[blockStart] = Parity.even(buffer[blockStart])
        for index in (blockStart + 1)..<_position {
            let wire = Parity.even(buffer[index])
            buffer[index] = wire
            lrc ^= wire
        }
        buffer[_position] = lrc
        _position += 1
        return blockStart..<_position
    }

    /// Writes one 7-bit data byte. Callers reserve room per field with ``remaining``.
    @inlinable @inline(__always)
    public mutating func write(_ byte: UInt8) {
        precondition(_position < buffer.count, "frame buffer overrun")
        buffer[_position] = byte
        _position += 1
    }

    /// Writes `count` copies of a 7-bit byte (padding).
    @inlinable
    public mutating func write(repeating byte: UInt8, count: Int) {
        precondition(count >= 0 && _position + count <= buffer.count, "frame buffer overrun")
        (buffer.baseAddress! + _position).update(repeating: byte, count: count)
        _position += count
    }

    /// Writes 7-bit data bytes.
    @inlinable
    public mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(_position + bytes.count <= buffer.count, "frame buffer overrun")
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        (buffer.baseAddress! + _position).update(from: source, count: bytes.count)
        _position += bytes.count
    }

    /// The byte at an absolute position (to fill digit fields right to left).
    @inlinable
    public mutating func set(_ byte: UInt8, at index: Int) {
        precondition(index >= 0 && index < _position, "frame buffer index out of range")
        buffer[index] = byte
    }
}
