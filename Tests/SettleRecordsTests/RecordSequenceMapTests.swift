import SettleModel
import SettleRecords
import SettleTestSupport
import Testing

/// An RB names a record by sequence number; the service reports which detail that is.
@Suite struct RecordSequenceMapTests {
    // Details: 0 (no items), 1 (2 line items), 2 (no items), 3 (1 line item).
    let map = RecordSequenceMap(lineItemCounts: [0, 2, 0, 1])

    @Test func headerParameterAndTrailer() {
        #expect(map.locate(sequence: 1) == .header)
        #expect(map.locate(sequence: 2) == .parameter)
        #expect(map.trailerSequence == 3 + 4 + 3)
        #expect(map.locate(sequence: 10) == .trailer)
        #expect(map.locate(sequence: 0) == .outOfRange)
        #expect(map.locate(sequence: 11) == .outOfRange)
    }

    @Test func detailsAndTheirLineItems() {
        #expect(map.locate(sequence: 3) == .detail(index: 0))
        #expect(map.locate(sequence: 4) == .detail(index: 1))
        #expect(map.locate(sequence: 5) == .lineItem(detailIndex: 1, itemIndex: 0))
        #expect(map.locate(sequence: 6) == .lineItem(detailIndex: 1, itemIndex: 1))
        #expect(map.locate(sequence: 7) == .detail(index: 2))
        #expect(map.locate(sequence: 8) == .detail(index: 3))
        #expect(map.locate(sequence: 9) == .lineItem(detailIndex: 3, itemIndex: 0))
        #expect(map.detailIndex(forSequence: 6) == 1)
        #expect(map.detailIndex(forSequence: 2) == nil)
    }

    @Test func anRBNamesTheDetailOfAnEncodedBatch() throws {
        var withItems = SampleBatches.sale(amount: 5300)
        withItems.level3 = Level3(cardType: .visa, lineItems: [LineItem(description: "A", total: 1), LineItem(description: "B", total: 2)])
        let encoded = try BatchEncoder().encode(SampleBatches.batch(.retail, [SampleBatches.sale(), withItems, SampleBatches.sale()]))
        func rejection(_ sequence: Int) -> HostResponse.Rejection {
            HostResponse.Rejection(errorType: "E", sequenceNumber: sequence, recordType: "D", fieldNumber: 6, data: "")
        }
        #expect(encoded.detailIndex(for: rejection(3)) == 0)
        #expect(encoded.detailIndex(for: rejection(4)) == 1)
        #expect(encoded.detailIndex(for: rejection(6)) == 1)  // its second line item
        #expect(encoded.detailIndex(for: rejection(7)) == 2)
        #expect(encoded.detailIndex(for: rejection(8)) == nil)  // the trailer
    }

    @Test func largeBatchesLocateEveryDetail() {
        let counts = (0..<10_000).map { $0 % 3 }
        let map = RecordSequenceMap(lineItemCounts: counts)
        var sequence = 3
        for (index, count) in counts.enumerated() {
            #expect(map.detailIndex(forSequence: sequence) == index)
            sequence += 1 + count
        }
        #expect(map.trailerSequence == sequence)
    }
}
