import SettleFraming
import SettleModel
import SettleRecords
import SettleSimulator
import SettleTestSupport
import Testing

@Suite struct BatchJudgeTests {
    let judge = BatchJudge(today: SampleBatches.july26)

    func records(_ batch: Batch, totals: BatchTotals? = nil) throws -> [[UInt8]] {
        let encoded = try BatchEncoder().encodeValidated(batch, totalsOverride: totals)
        return try (0..<encoded.framed.blockCount).flatMap { index in
            try RecordSplitter.records(in: try BlockReader.readBlock(encoded.framed.block(index)).payload)
        }
    }

    @Test func aGoodBatchGetsItsCountAndNetDeposit() throws {
        let batch = SampleBatches.batch(.retail, [SampleBatches.sale(amount: 2500), SampleBatches.sale(amount: 1500, number: 2)])
        let (response, decoded) = judge.judge(records: try records(batch), blockCount: 2)
        #expect(response.code == .goodBatch)
        #expect(response.recordCount == 5)
        #expect(response.netDeposit == 4000)
        #expect(decoded?.batch.detailRecords.count == 2)
    }

    @Test func trailerDateAndBatchNumberMustMatchTheHeader() throws {
        let batch = SampleBatches.batch(.retail, [SampleBatches.sale()])
        var lines = try records(batch)
        let trailer = lines.count - 1
        var wrongDate = lines
        wrongDate[trailer].replaceSubrange(9..<13, with: Array("0727".utf8))
        #expect(judge.judge(records: wrongDate, blockCount: 1).0.rejection?.fieldNumber == 6)
        lines[trailer].replaceSubrange(13..<16, with: Array("043".utf8))
        let rejection = judge.judge(records: lines, blockCount: 1).0.rejection
        #expect(rejection?.fieldNumber == 7)
        #expect(rejection?.data == "043")
        #expect(rejection?.recordType == "T")
    }

    @Test func aMissingTrailerIsASequenceError() throws {
        let lines = try records(SampleBatches.batch(.retail, [SampleBatches.sale()]))
        let rejection = judge.judge(records: Array(lines.dropLast()), blockCount: 1).0.rejection
        #expect(rejection?.errorType == "S")
    }
}
