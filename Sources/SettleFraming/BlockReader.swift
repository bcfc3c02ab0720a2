/// Reads framed blocks (`STX data ETB|ETX LRC`), checking parity on every byte and the LRC.
public enum BlockReader {
    /// Reads the one block at the start of `bytes`.
    ///
    /// - Parameter requireParity: reject bytes without even parity (the host always sends parity).
    public static func readBlock(_ bytes: some Collection<UInt8>, requireParity: Bool = true) throws(FramingError) -> DeframedBlock {
        let array = Array(bytes)
        guard !array.isEmpty else { throw FramingError(.empty, at: 0) }
        guard try checked(array[0], at: 0, requireParity) == ControlCharacter.stx.rawValue else {
            throw FramingError(.missingStartOfText, at: 0)
        }
        var payload: [UInt8] = []
        payload.reserveCapacity(array.count)
        var lrc: UInt8 = 0
        var index = 1
        while index < array.count {
            let wire = array[index]
            let byte = try checked(wire, at: index, requireParity)
            lrc ^= wire
            if byte == ControlCharacter.etb.rawValue || byte == ControlCharacter.etx.rawValue {
                guard index + 1 < array.count else { throw FramingError(.truncated, at: array.count) }
                let received = array[index + 1]
                _ = try checked(received, at: index + 1, requireParity)
                // Without parity on the line the LRC is compared on seven bits.
                let expected = requireParity ? lrc : lrc & 0x7F
                guard (requireParity ? received : received & 0x7F) == expected else {
                    throw FramingError(.lrcMismatch(expected: expected, received: received), at: index + 1)
                }
                let terminator: ControlCharacter = byte == ControlCharacter.etx.rawValue ? .etx : .etb
                return DeframedBlock(payload: payload, terminator: terminator, wireLength: index + 2)
            }
            guard byte >= 0x20 && byte < 0x7F else { throw FramingError(.unexpectedControlCharacter(byte), at: index) }
            payload.append(byte)
            index += 1
        }
        throw FramingError(.truncated, at: array.count)
    }

    /// Reads consecutive blocks until the one ending in ETX (a whole batch, as posted over HTTP).
    public static func readBatch(_ bytes: [UInt8], requireParity: Bool = true) throws(FramingError) -> [DeframedBlock] {
        guard !bytes.isEmpty else { throw FramingError(.empty, at: 0) }
        var blocks: [DeframedBlock] = []
        var offset = 0
        while offset < bytes.count {
            var block: DeframedBlock
            do {
                block = try readBlock(bytes[offset...], requireParity: requireParity)
            } catch {
                throw FramingError(error.kind, at: error.offset + offset)
            }
            offset += block.wireLength
            blocks.append(block)
            if block.isFinal { break }
        }
        guard blocks.last?.isFinal == true else { throw FramingError(.truncated, at: bytes.count) }
        return blocks
    }

    private static func checked(_ wire: UInt8, at offset: Int, _ requireParity: Bool) throws(FramingError) -> UInt8 {
        if requireParity && !Parity.isEven(wire) { throw FramingError(.parityError, at: offset) }
        return Parity.strip(wire)
    }
}
