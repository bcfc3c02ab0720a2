import SettleFraming
import Testing

@Suite struct BlockWriterTests {
    /// A fake record of `length` bytes: `K1.Z` + type letter + `@@@@` + filler.
    func record(_ type: Character, _ length: Int, fill: Character = "9") -> [UInt8] {
        Array(("K1.Z" + String(type) + "@@@@" + String(repeating: fill, count: length - 9)).utf8)
    }

    func payloads(_ batch: FramedBatch) throws -> [String] {
        try (0..<batch.blockCount).map { String(decoding: try BlockReader.readBlock(batch.block($0)).payload, as: UTF8.self) }
    }

    @Test func headerIsAloneAndUpToThreeRecordsShareABlock() throws {
        var writer = BlockWriter(policy: BlockingPolicy(combineRecords: true))
        writer.append(record: record("H", 75), standalone: true)
        for _ in 0..<6 { writer.append(record: record("D", 100)) }
        writer.append(record: record("T", 73))
        let batch = writer.finish()
        let blocks = try payloads(batch)
        #expect(blocks.count == 4)
        #expect(blocks[0].count == 75)
        // Records after the first in a block start at the routing id Z.
        #expect(
            blocks[1] == String(decoding: record("D", 100), as: UTF8.self)
                + String(repeating: String(decoding: record("D", 100).dropFirst(3), as: UTF8.self), count: 2))
        #expect(blocks[3].hasSuffix(String(decoding: record("T", 73).dropFirst(3), as: UTF8.self)))
        #expect(try BlockReader.readBlock(batch.block(3)).terminator == .etx)
        #expect(try (0..<3).allSatisfy { try BlockReader.readBlock(batch.block($0)).terminator == .etb })
    }

    @Test func blocksNeverExceed640BytesAndRecordsAreNeverSplit() throws {
        var writer = BlockWriter(policy: BlockingPolicy(combineRecords: true))
        let records = [300, 300, 40, 250, 380, 100, 700, 19].enumerated().map { record("D", $0.element, fill: Character(String($0.offset))) }
        for record in records { writer.append(record: record) }
        let batch = writer.finish()
        var restored: [UInt8] = []
        for index in 0..<batch.blockCount {
            let payload = try BlockReader.readBlock(batch.block(index)).payload
            // Only a record that is too large on its own may make a block longer than 640 bytes.
            #expect(batch.blockRanges[index].count <= 640 || records.contains(payload))
            var offset = 0
            while offset < payload.count {
                let fill = offset == 0 ? payload[9] : payload[offset + 6]
                let length = records.first { $0[9] == fill }!.count - (offset == 0 ? 0 : 3)
                restored += (offset == 0 ? [] : Array("K1.".utf8)) + payload[offset..<(offset + length)]
                offset += length
            }
        }
        #expect(restored == records.flatMap { $0 })
    }

    @Test func exactly640BytesFitsAnd641DoesNot() throws {
        // STX + 300 + (340 - 3) + ETB + LRC = 640.
        var fits = BlockWriter(policy: BlockingPolicy(combineRecords: true))
        fits.append(record: record("D", 300))
        fits.append(record: record("D", 340))
        #expect(fits.finish().blockRanges.map(\.count) == [640])
        var over = BlockWriter(policy: BlockingPolicy(combineRecords: true))
        over.append(record: record("D", 300))
        over.append(record: record("D", 341))
        #expect(over.finish().blockRanges.map(\.count) == [303, 344])
    }

    @Test func unblockedSendsEveryRecordAloneAndOnlyTheLastEndsWithETX() throws {
        var writer = BlockWriter(policy: BlockingPolicy(combineRecords: false))
        for type in ["H", "P", "D", "D", "T"] as [Character] { writer.append(record: record(type, 80), standalone: type == "H") }
        let batch = writer.finish()
        #expect(batch.blockCount == 5)
        let terminators = try (0..<5).map { try BlockReader.readBlock(batch.block($0)).terminator }
        #expect(terminators == [.etb, .etb, .etb, .etb, .etx])
        #expect(try payloads(batch).allSatisfy { $0.count == 80 })
    }

    @Test func maximumRecordsPerBlockIsASetting() throws {
        var writer = BlockWriter(policy: BlockingPolicy(combineRecords: true, maximumRecordsPerBlock: 2))
        for _ in 0..<5 { writer.append(record: record("D", 50)) }
        #expect(writer.finish().blockCount == 3)
    }
}
