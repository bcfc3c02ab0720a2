import SettleFraming
import SettleModel
import SettleRecords
import SettleTestSupport
import Testing

/// wire-protocol.md §2.11, reproduced byte for byte.
@Suite struct Spec211GoldenTests {
    static let records = [
        "K1.ZH@@@@99999500000000000099999999991100119911QD8400070507260010",
        "K1.ZP@@@@8405432114205999INTERNET SERVICE PROVIDERGLOUCESTER   VA0000100000001",
        "K1.ZD@@`D56N@4012888888881881      YA50001001234560726101500Y012345678901234ABCD 0000000000010000000000010000000000010001ORDER0001                00007",
        "K1.ZT@@@@0726001000000004000000000000100000000000000000000000000000001000",
    ]

    func encoded() throws -> EncodedBatch {
        try BatchEncoder(profile: .legacySamples).encode(SampleBatches.spec211())
    }

    @Test func everyBlockMatchesTheSpecRecordText() throws {
        let batch = try encoded()
        #expect(batch.framed.blockCount == 4)
        for (index, expected) in Self.records.enumerated() {
            let block = try BlockReader.readBlock(batch.framed.block(index))
            #expect(String(decoding: block.payload, as: UTF8.self) == expected)
            #expect(block.terminator == (index == 3 ? .etx : .etb))
        }
    }

    @Test func wireLRCsAreThoseOfTheSpec() throws {
        let batch = try encoded()
        let lrcs = (0..<4).map { batch.framed.block($0).last }
        #expect(lrcs == [0x44, 0x88, 0xEE, 0x5F])
    }

    @Test func wholeWireIsParityEncodedSpecText() throws {
        var expected: [UInt8] = []
        for (index, record) in Self.records.enumerated() {
            var block = [ControlCharacter.stx.wireByte]
            var lrc: UInt8 = 0
            for byte in Array(record.utf8) + [index == 3 ? 0x03 : 0x17] {
                let wire = Parity.even(byte)
                lrc ^= wire
                block.append(wire)
            }
            expected += block + [lrc]
        }
        #expect(try encoded().framed.bytes == expected)
    }

    @Test func trailerTotalsAreComputed() throws {
        let totals = try encoded().totals
        #expect(totals == BatchTotals(recordCount: 4, hashingTotal: 1000, cashBackTotal: 0, netDeposit: 1000))
        #expect(totals.hashingTotalText == "0000000000001000")
    }

    @Test func recordLengthsAreThoseOfTheSpec() {
        #expect(Self.records.map(\.count) == [65, 78, 151, 73])
    }
}
