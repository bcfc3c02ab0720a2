import SettleFraming
import Testing

@Suite struct BlockReaderTests {
    func frame(_ text: String, _ terminator: ControlCharacter = .etx) -> [UInt8] {
        var writer = BlockWriter(policy: BlockingPolicy(combineRecords: false))
        writer.append(record: Array(text.utf8))
        var bytes = writer.finish().bytes
        if terminator == .etb {
            bytes[bytes.count - 2] = ControlCharacter.etb.wireByte
            bytes[bytes.count - 1] ^= ControlCharacter.etx.wireByte ^ ControlCharacter.etb.wireByte
        }
        return bytes
    }

    @Test func readsBackWhatWasFramed() throws {
        let block = try BlockReader.readBlock(frame("K1.ZR@@@@HELLO"))
        #expect(String(decoding: block.payload, as: UTF8.self) == "K1.ZR@@@@HELLO")
        #expect(block.isFinal)
        #expect(block.wireLength == 17)
    }

    @Test func parityErrorIsReportedWithItsOffset() {
        var bytes = frame("K1.ZR@@@@HELLO")
        bytes[5] ^= 0x80
        #expect { try BlockReader.readBlock(bytes) } throws: { ($0 as? FramingError) == FramingError(.parityError, at: 5) }
    }

    @Test func lrcMismatchIsReported() {
        var bytes = frame("K1.ZR@@@@HELLO")
        // Change a byte and keep its parity right: only the LRC can notice.
        bytes[6] = Parity.even(UInt8(ascii: "X"))
        #expect {
            try BlockReader.readBlock(bytes)
        } throws: {
            if case .lrcMismatch = ($0 as? FramingError)?.kind { return true }
            return false
        }
    }

    @Test func truncatedMissingStartAndEmptyAreReported() {
        let bytes = frame("K1.ZR@@@@HELLO")
        #expect(throws: FramingError(.truncated, at: bytes.count - 1)) { try BlockReader.readBlock(bytes.dropLast()) }
        #expect(throws: FramingError(.truncated, at: 8)) { try BlockReader.readBlock(bytes.prefix(8)) }
        #expect(throws: FramingError(.missingStartOfText, at: 0)) { try BlockReader.readBlock(bytes.dropFirst()) }
        #expect(throws: FramingError(.empty, at: 0)) { try BlockReader.readBlock([UInt8]()) }
    }

    @Test func controlCharacterInsideDataIsRejected() {
        var bytes = frame("K1.ZR@@@@HELLO")
        bytes[4] = ControlCharacter.dc2.wireByte
        #expect {
            try BlockReader.readBlock(bytes)
        } throws: {
            if case .unexpectedControlCharacter(0x12) = ($0 as? FramingError)?.kind { return true }
            return false
        }
    }

    @Test func readsABatchOfBlocksUpToETX() throws {
        let bytes = frame("K1.ZH@@@@A", .etb) + frame("K1.ZT@@@@B", .etx)
        let blocks = try BlockReader.readBatch(bytes)
        #expect(blocks.map(\.terminator) == [.etb, .etx])
        #expect(throws: FramingError(.truncated, at: 13)) { try BlockReader.readBatch(frame("K1.ZH@@@@A", .etb)) }
    }

    @Test func dataAfterTheFinalBlockIsRejected() {
        let bytes = frame("K1.ZT@@@@B", .etx)
        #expect(throws: FramingError(.trailingData, at: bytes.count)) { try BlockReader.readBatch(bytes + [0x84]) }
    }

    @Test func withoutParityRequiredSevenBitDataIsAccepted() throws {
        let sevenBit = frame("K1.ZR@@@@HELLO").map(Parity.strip)
        #expect(throws: FramingError.self) { try BlockReader.readBlock(sevenBit) }
        #expect(try BlockReader.readBlock(sevenBit, requireParity: false).payload.count == 14)
    }
}
