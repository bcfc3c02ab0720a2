import SettleFraming
import SettleLink
import SettleModel
import SettleRecords
import SettleSimulator
import SettleTestSupport
import Testing

/// The client link protocol against the simulated host, in memory: the happy paths and the host's verdicts.
@Suite struct SettlementExchangeTests {
    func answer(_ result: LinkResult?) -> (HostResponse, Bool)? {
        if case .answered(let response, let early) = result { return (response, early) }
        return nil
    }

    @Test(arguments: [true, false])
    func goodBatchBlockedAndUnblocked(combine: Bool) throws {
        let batch = LinkFixtures.batch(combine: combine)
        let encoded = try BatchEncoder().encode(batch)
        var exchange = LinkFixtures.exchange(encoded.framed)
        let (response, early) = try #require(answer(exchange.run()))
        #expect(response.code == .goodBatch)
        #expect(!early)
        #expect(response.recordCount == encoded.totals.recordCount)
        #expect(response.netDeposit == encoded.totals.netDeposit)
        #expect(response.batchNumber == batch.batchNumber)
        #expect(exchange.host.transcript.blocks.count == encoded.framed.blockCount)
        #expect(exchange.host.transcript.clientAcknowledgedResponse)
        #expect(exchange.client.blocksAcknowledged == encoded.framed.blockCount)
        #expect(exchange.packetsOut.count == encoded.framed.blockCount + 1)  // every block, then ACK + EOT
    }

    @Test(arguments: ["QD", "DB"])
    func repeatedBatchNumberDrawsADuplicateRightAfterTheHeader(code: String) throws {
        let registry = DuplicateBatchRegistry()
        var script = SimulatorScript()
        script.duplicateCode = code
        let framed = try BatchEncoder().encode(LinkFixtures.batch()).framed
        var first = LinkFixtures.exchange(framed, script: script, registry: registry)
        #expect(answer(first.run())?.0.code == .goodBatch)
        var second = LinkFixtures.exchange(framed, script: script, registry: registry)
        let (response, early) = try #require(answer(second.run()))
        #expect(response.code == .duplicateBatch)
        #expect(response.rawCode == code)
        #expect(response.originalTransmissionDate == "0726")
        #expect(early)
        #expect(second.host.transcript.blocks.count == 1)  // only the header was sent
    }

    @Test func aRejectedDetailFieldNamesTheDetailRecord() throws {
        let encoded = try BatchEncoder().encode(LinkFixtures.batch(details: 3))
        var records = try LinkFixtures.records(encoded)
        // Detail 1 (record 4): letters in the settlement amount (detail field 24, bytes 85-96).
        var detail = Array(records[3])
        detail.replaceSubrange(84..<96, with: Array("00000000AB00"))
        records[3] = String(detail)
        var exchange = LinkFixtures.exchange(LinkFixtures.frame(records))
        let (response, _) = try #require(answer(exchange.run()))
        let rejection = try #require(response.rejection)
        #expect(response.code == .rejectedBatch)
        #expect(rejection.errorType == "E")
        #expect(rejection.sequenceNumber == 4)
        #expect(rejection.recordType == "D")
        #expect(rejection.fieldNumber == 24)
        #expect(rejection.data == "00000000AB00")
        #expect(response.recordCount == 3)
        #expect(encoded.detailIndex(for: rejection) == 1)
    }

    @Test func wrongTrailerTotalsAreRejectedByField() throws {
        let batch = LinkFixtures.batch()
        let right = BatchTotals(details: batch.detailRecords)
        let cases: [(BatchTotals, Int)] = [
            (BatchTotals(recordCount: right.recordCount + 1, hashingTotal: right.hashingTotal, netDeposit: right.netDeposit), 8),
            (BatchTotals(recordCount: right.recordCount, hashingTotal: right.hashingTotal + 1, netDeposit: right.netDeposit), 9),
            (BatchTotals(recordCount: right.recordCount, hashingTotal: right.hashingTotal, cashBackTotal: 5, netDeposit: right.netDeposit), 10),
            (BatchTotals(recordCount: right.recordCount, hashingTotal: right.hashingTotal, netDeposit: right.netDeposit - 1), 11),
        ]
        for (wrong, field) in cases {
            let framed = try BatchEncoder().encodeValidated(batch, totalsOverride: wrong).framed
            var exchange = LinkFixtures.exchange(framed)
            let rejection = try #require(answer(exchange.run())?.0.rejection)
            #expect(rejection.recordType == "T")
            #expect(rejection.fieldNumber == field)
            #expect(rejection.sequenceNumber == right.recordCount)
        }
    }

    @Test func recordsOutOfOrderAreASequenceError() throws {
        var records = try LinkFixtures.records(try BatchEncoder().encode(LinkFixtures.batch(details: 2)))
        records.swapAt(1, 2)  // a detail before the parameter record
        var exchange = LinkFixtures.exchange(LinkFixtures.frame(records))
        let rejection = try #require(answer(exchange.run())?.0.rejection)
        #expect(rejection.errorType == "S")
        #expect(rejection.sequenceNumber == 2)
    }

    @Test(arguments: [17, 32])
    func rejectionDataOfEitherLengthIsRead(length: Int) throws {
        var script = SimulatorScript()
        script.errorDataLength = length
        let batch = LinkFixtures.batch()
        var wrong = BatchTotals(details: batch.detailRecords)
        wrong.hashingTotal += 1
        var exchange = LinkFixtures.exchange(try BatchEncoder().encodeValidated(batch, totalsOverride: wrong).framed, script: script)
        let rejection = try #require(answer(exchange.run())?.0.rejection)
        #expect(rejection.data == String(String(wrong.hashingTotalText).prefix(length)))
    }

    @Test func lineItemBatchesUseApplicationType5EndToEnd() throws {
        var sale = SampleBatches.sale(amount: 5300)
        sale.level3 = Level3(cardType: .visa, lineItems: [LineItem(description: "A", total: 3300), LineItem(description: "B", total: 2000)])
        let encoded = try BatchEncoder().encode(SampleBatches.batch(.retail, [sale]))
        var exchange = LinkFixtures.exchange(encoded.framed)
        let (response, _) = try #require(answer(exchange.run()))
        #expect(response.code == .goodBatch)
        #expect(response.applicationType == "5")
        #expect(response.recordCount == 6)
    }

    @Test func theHostTranscriptNeverHoldsAFullCardNumber() throws {
        let batch = LinkFixtures.batch()
        var exchange = LinkFixtures.exchange(try BatchEncoder().encode(batch).framed)
        _ = exchange.run()
        let text = exchange.host.transcript.blocks.joined()
        #expect(text.contains("411111******1111"))
        #expect(!text.contains("4111111111111111"))
    }
}
