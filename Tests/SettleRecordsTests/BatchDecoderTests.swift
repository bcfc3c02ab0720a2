import SettleFraming
import SettleModel
import SettleRecords
import SettleTestSupport
import Testing

/// Decoding failures are located the way an RB locates them: sequence number, record type, field.
@Suite struct BatchDecoderTests {
    func wire(_ records: [String], blocked: Bool = false) -> [UInt8] {
        var writer = BlockWriter(policy: BlockingPolicy(combineRecords: blocked))
        for (index, record) in records.enumerated() { writer.append(record: Array(record.utf8), standalone: index == 0) }
        return writer.finish().bytes
    }

    var spec: [String] { Spec211GoldenTests.records }

    func failure(_ bytes: [UInt8]) -> BatchDecodingError? {
        do {
            _ = try BatchDecoder(profile: .legacySamples, referenceDate: SampleBatches.july26).decode(bytes)
            return nil
        } catch {
            return error
        }
    }

    @Test func decodesTheSpecExample() throws {
        let decoded = try BatchDecoder(profile: .legacySamples, referenceDate: SampleBatches.july26).decode(wire(spec))
        var expected = SampleBatches.spec211()
        expected.merchant.zip = "543211420"  // the wire carries the city code with its dash stripped
        #expect(decoded.batch == expected)
        #expect(decoded.trailerTotals.recordCount == 4)
    }

    @Test func headerMustComeFirstAndTrailerLast() {
        let swapped = [spec[1], spec[0], spec[2], spec[3]]
        #expect(failure(wire(swapped)).map { ($0.kind, $0.sequenceNumber, $0.recordType) } ?? (.field, 0, "?") == (.sequence, 1, "P"))
        let noTrailer = Array(spec.prefix(3)) + [spec[2]]
        #expect(failure(wire(noTrailer))?.reason == "batch ends before its trailer")
        let afterTrailer = spec + [spec[2]]
        let error = failure(wire(afterTrailer))
        #expect(error?.kind == .sequence)
        #expect(error?.sequenceNumber == 5)
    }

    @Test func badFieldIsLocatedByRecordAndFieldNumber() {
        var detail = Array(spec[2])
        detail[38] = "X"  // transaction sequence number, field 13
        let error = failure(wire([spec[0], spec[1], String(detail), spec[3]]))
        #expect(error?.kind == .field)
        #expect(error?.sequenceNumber == 3)
        #expect(error?.recordType == "D")
        #expect(error?.fieldNumber == 13)
    }

    @Test func trailerFieldNumbersFollowTheSpec() {
        var trailer = Array(spec[3])
        trailer[20] = "A"  // record count: trailer field 8
        #expect(failure(wire([spec[0], spec[1], spec[2], String(trailer)]))?.fieldNumber == 8)
    }

    @Test func unsupportedGroupIsNamed() {
        var detail = Array(spec[2])
        #expect(detail[7] == "`")  // map byte 3 = 0x60: group 12
        detail[7] = "b"  // 0x62: groups 8 and 12; group 8 (the Level II layout group 22 replaced) is not built
        let error = failure(wire([spec[0], spec[1], String(detail), spec[3]]))
        #expect(error?.sequenceNumber == 3)
        #expect(error?.reason == "detail group 8 is not supported (the earlier Level II layout; EIS 1081 requires group 22 for new implementations)")
    }

    @Test func reservedPurchaseIdentifierFormatCodesAreRefused() throws {
        var order = SampleBatches.sale("4012888888881881", kind: .cardNotPresent)
        order.purchaseIdentifier = "ORDER-77"
        order.cardNotPresent = CardNotPresentData(motoIndicator: "7")
        let records = try RecordProbe(SampleBatches.batch(.directMarketing, [order])).records
        let decoder = BatchDecoder(referenceDate: SampleBatches.july26)
        #expect(try decoder.decode(wire(records)).batch.detailRecords[0].purchaseIdentifier == "ORDER-77")
        for reserved in ["0", "2", " "] {
            var detail = Array(records[2])
            detail[108 + 12] = Character(reserved)  // group 3: total authorized amount (12), then the format code
            do {
                _ = try decoder.decode(wire([records[0], records[1], String(detail), records[3]]))
                Issue.record("format code '\(reserved)' was accepted")
            } catch {
                #expect(error.kind == .field)
                #expect(error.data == (reserved == " " ? "" : reserved))  // text fields are read right-trimmed
                #expect(error.reason.contains("Table 4.48"))
            }
        }
    }

    @Test func theFormatCodeMustAgreeWithTheIdentifierAfterIt() throws {
        var order = SampleBatches.sale("4012888888881881", kind: .cardNotPresent)
        order.purchaseIdentifier = "ORDER-77"
        order.cardNotPresent = CardNotPresentData(motoIndicator: "7")
        let records = try RecordProbe(SampleBatches.batch(.directMarketing, [order])).records
        let decoder = BatchDecoder(referenceDate: SampleBatches.july26)
        var detail = Array(records[2])
        detail[108 + 12] = "Z"  // "not used", yet ORDER-77 follows
        #expect(throws: BatchDecodingError.self) { try decoder.decode(wire([records[0], records[1], String(detail), records[3]])) }
        for index in (108 + 13)..<(108 + 13 + 25) { detail[index] = " " }  // Z and no identifier: fine
        #expect(try decoder.decode(wire([records[0], records[1], String(detail), records[3]])).batch.detailRecords[0].purchaseIdentifier == "")
        detail[108 + 12] = "1"  // an order number promised, none follows
        #expect(throws: BatchDecodingError.self) { try decoder.decode(wire([records[0], records[1], String(detail), records[3]])) }
    }

    @Test func framingErrorsAreReportedAsFraming() {
        var bytes = wire(spec)
        bytes[3] ^= 0x80
        guard case .framing(let framing) = failure(bytes)?.kind else {
            Issue.record("expected a framing error")
            return
        }
        #expect(framing.kind == .parityError)
    }
}
