/// Reads framed blocks (`STX data ETB|ETX LRC`), checking parity on every byte and the LRC.
public enum BlockReader {
    /// Reads the one block at the start of `bytes`.
    ///
    /// - Parameter requireParity: reject bytes without even parity (the host always sends parity).
    public static func readBlock(_ bytes: some Collection<UInt8>, requireParity: Bool = true) throws(FramingError) -> DeframedBlock {
        let array = Array(bytes)
        return try array.withUnsafeBufferPointer { buffer throws(FramingError) in
            try readBlock(buffer, from: 0, requireParity: requireParity)
        }
    }

    /// Reads consecutive blocks until the one ending in ETX (a whole batch, as posted over HTTP).
    public static func readBatch(_ bytes: [UInt8], requireParity: Bool = true) throws(FramingError) -> [DeframedBlock] {
        guard !bytes.isEmpty else { throw FramingError(.empty, at: 0) }
        return try bytes.withUnsafeBufferPointer { buffer throws(FramingError) in
            var blocks: [DeframedBlock] = []
            var offset = 0
            while offset < buffer.count {
                let block = try readBlock(buffer, from: offset, requireParity: requireParity)
                offset += block.wireLength
                blocks.append(block)
                if block.isFinal { break }
            }
            guard blocks.last?.isFinal == true else { throw FramingError(.truncated, at: buffer.count) }
            guard offset == buffer.count else { throw FramingError(.trailingData, at: offset) }
            return blocks
        }
    }

    /// Reads the block starting at `start`; offsets in errors are positions in `buffer`.
    private static func readBlock(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, requireParity: Bool) throws(FramingError) -> DeframedBlock {
        guard start < buffer.count else { throw FramingError(.empty, at: start) }
        guard try checked(buffer[start], at: start, requireParity) == ControlCharacter.stx.rawValue else {
            throw FramingError(.missingStartOfText, at: start)
        }
        var payload: [UInt8] = []
        var lrc: UInt8 = 0
        var index = start + 1
        while index < buffer.count {
            let wire = buffer[index]
            let byte = try checked(wire, at: index, requireParity)
            lrc ^= wire
            if byte == ControlCharacter.etb.rawValue || byte == ControlCharacter.etx.rawValue {
                guard index + 1 < buffer.count else { throw FramingError(.truncated, at: buffer.count) }
                let received = buffer[index + 1]
                _ = try checked(received, at: index + 1, requireParity)
                // Without parity on the line the LRC is compared on seven bits.
                let expected = requireParity ? lrc : lrc & 0x7F
                guard (requireParity ? received : received & 0x7F) == expected else {
                    throw FramingError(.lrcMismatch(expected: expected, received: received), at: index + 1)
                }
                let terminator: ControlCharacter = byte == ControlCharacter.etx.rawValue ? .etx : .etb
                return DeframedBlock(payload: payload, terminator: terminator, wireLength: index + 2 - start)
            }
            // DEL is data: a group map byte naming all six of its groups is 0x40 | 0x3F (§4.230.1).
            guard byte >= 0x20 else { throw FramingError(.unexpectedControlCharacter(byte), at: index) }
            if payload.isEmpty { payload.reserveCapacity(Swift.min(buffer.count - index, 1024)) }
            payload.append(byte)
            index += 1
        }
        throw FramingError(.truncated, at: buffer.count)
    }

    @inline(__always)
    private static func checked(_ wire: UInt8, at offset: Int, _ requireParity: Bool) throws(FramingError) -> UInt8 {
        if requireParity && !Parity.isEven(wire) { throw FramingError(.parityError, at: offset) }
        return Parity.strip(wire)
    }
}
