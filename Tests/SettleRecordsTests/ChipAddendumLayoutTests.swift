import SettleFraming
import SettleModel
import SettleTestSupport
import Testing

@testable import SettleRecords

/// The chip card addendum record, field by field at the positions of EIS 1081 Table 3.7
/// (docs/wire/chip-card-addendum.md §2), and read back.
@Suite struct ChipAddendumLayoutTests {
    static let arqc = ChipData(
        transactionType: "00", terminalTransactionDate: LocalDate(year: 2026, month: 11, day: 25),
        terminalVerificationResults: "0080008000", currencyCode: "840", applicationTransactionCounter: "001C",
        applicationInterchangeProfile: "1980", applicationCryptogram: "1122334455667788", unpredictableNumber: "A1B2C3D4",
        issuerApplicationData: "06010A03A0A000", cryptogramInformationData: "80", terminalCapabilities: "E0F8C8", cardSequenceNumber: 1,
        issuerAuthenticationData: "", cvmResults: "1F0302", issuerScriptResults: "", formFactorIndicator: "20700000",
        cryptogramAmount: Amount(minorUnits: 2500))

    /// One record as the encoder writes it (plain 7-bit text, before framing).
    func encode(_ chip: ChipData) throws -> String {
        var chip = chip
        var app: Character = "1"
        let length = RecordLengths.chipAddendum(chip)
        let bytes = try [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            var writer = RecordWriter(frame: FrameWriter(buffer: buffer), referenceDate: SampleBatches.july26)
            writer.beginRecord(length: length, continuesBlock: false)
            try ChipAddendumLayout.code(&chip, applicationType: &app, &writer)
            try writer.endRecord()
            count = writer.frame.position
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func decode(_ record: String) throws -> ChipData {
        var chip = ChipData(terminalTransactionDate: .placeholder)
        var app: Character = "1"
        var reader = RecordReader(Array(record.utf8)[...], referenceDate: SampleBatches.july26)
        try ChipAddendumLayout.code(&chip, applicationType: &app, &reader)
        #expect(reader.remaining == 0)
        return chip
    }

    func field(_ record: String, _ from: Int, _ length: Int) -> String {
        let bytes = Array(record.utf8)
        return String(decoding: bytes[(from - 1)..<(from - 1 + length)], as: UTF8.self)
    }

    @Test func anARQCAddendumIs245BytesWithTheCryptogramAmountAsGroup1() throws {
        let record = try encode(Self.arqc)
        #expect(record.utf8.count == 245)
        #expect(field(record, 1, 9) == "K1.ZC@@@A")
        #expect(field(record, 10, 2) == "00")
        #expect(field(record, 12, 6) == "261125")
        #expect(field(record, 18, 10) == "0080008000")
        #expect(field(record, 28, 3) == "840")
        #expect(field(record, 31, 4) == "001C")
        #expect(field(record, 35, 4) == "1980")
        #expect(field(record, 39, 16) == "1122334455667788")
        #expect(field(record, 55, 8) == "A1B2C3D4")
        #expect(field(record, 63, 64) == "06010A03A0A000" + String(repeating: " ", count: 50))
        #expect(field(record, 127, 2) == "80")
        #expect(field(record, 129, 6) == "E0F8C8")
        #expect(field(record, 135, 3) == "001")
        #expect(field(record, 138, 32) == String(repeating: " ", count: 32))
        #expect(field(record, 170, 6) == "1F0302")
        #expect(field(record, 176, 50) == String(repeating: " ", count: 50))
        #expect(field(record, 226, 8) == "20700000")
        #expect(field(record, 234, 12) == "000000002500")
        #expect(try decode(record) == Self.arqc)
    }

    @Test func aTCAddendumIs233BytesWithoutGroup1() throws {
        var tc = Self.arqc
        tc.cryptogramInformationData = "40"
        tc.cryptogramAmount = nil
        tc.cardSequenceNumber = 0
        let record = try encode(tc)
        #expect(record.utf8.count == 233)
        #expect(field(record, 5, 5) == "C@@@@")
        #expect(field(record, 135, 3) == "000")
        #expect(try decode(record) == tc)
    }

    @Test func theSplitterKnowsBothLengthsFromTheGroupMap() throws {
        var tc = Self.arqc
        tc.cryptogramAmount = nil
        let long = Array(try encode(Self.arqc).utf8), short = Array(try encode(tc).utf8)
        #expect(try RecordSplitter.recordLength(long[...], profile: .standard) == 245)
        #expect(try RecordSplitter.recordLength(short[...], profile: .standard) == 233)
        var unknownGroup = short
        unknownGroup[8] = UInt8(ascii: "B")  // group 2: the record has none
        #expect(throws: RecordCodingError.self) { try RecordSplitter.recordLength(unknownGroup[...], profile: .standard) }
    }

    @Test func theAddendumFollowsItsDetailCountsInTheTrailerAndIsMappedForAnRB() throws {
        var chipSale = SampleBatches.sale("4111111111111111", number: 1)
        chipSale.accountDataSource = "G"
        var tc = Self.arqc
        tc.cryptogramInformationData = "40"
        tc.cryptogramAmount = nil
        chipSale.chip = tc
        var batch = SampleBatches.batch(.retail, [chipSale, SampleBatches.sale(number: 2)])
        batch.settings.deviceCode = "X"  // EMV mode (WireProfile.emvDeviceCode)
        let encoded = try BatchEncoder().encode(batch)
        let p = try RecordProbe(batch)
        #expect(p.records.indices.map { p.field($0, 5, 1) } == ["H", "P", "D", "C", "D", "T"])
        #expect(encoded.totals.recordCount == 6)
        #expect(p.field(5, 17, 9) == "000000006")  // trailer record count
        #expect(encoded.sequenceMap.locate(sequence: 4) == .chipAddendum(detailIndex: 0))
        #expect(encoded.sequenceMap.locate(sequence: 5) == .detail(index: 1))
        #expect(encoded.sequenceMap.detailIndex(forSequence: 4) == 0)
        let decoded = try BatchDecoder(referenceDate: SampleBatches.july26).decode(encoded.framed.bytes)
        #expect(decoded.batch.detailRecords == batch.detailRecords)
        #expect(decoded.trailerTotals.recordCount == 6)
    }

    @Test func anAddendumWithoutADetailBeforeItIsASequenceError() throws {
        var chipSale = SampleBatches.sale()
        chipSale.chip = Self.arqc
        var batch = SampleBatches.batch(.retail, [chipSale])
        batch.settings.deviceCode = "X"
        let records = try RecordProbe(batch).records
        var writer = BlockWriter(policy: BlockingPolicy(combineRecords: false))
        for (index, record) in [records[0], records[1], records[3], records[2], records[4]].enumerated() {
            writer.append(record: Array(record.utf8), standalone: index == 0)
        }
        #expect(throws: BatchDecodingError.self) { try BatchDecoder(referenceDate: SampleBatches.july26).decode(writer.finish().bytes) }
    }

    @Test func theSequenceMapCountsAddendaBeforeLineItems() {
        // Detail 0: addendum and 2 line items; detail 1: nothing; detail 2: addendum only.
        let map = RecordSequenceMap(lineItemCounts: [2, 0, 0], chipAddenda: [true, false, true])
        #expect(map.locate(sequence: 3) == .detail(index: 0))
        #expect(map.locate(sequence: 4) == .chipAddendum(detailIndex: 0))
        #expect(map.locate(sequence: 5) == .lineItem(detailIndex: 0, itemIndex: 0))
        #expect(map.locate(sequence: 6) == .lineItem(detailIndex: 0, itemIndex: 1))
        #expect(map.locate(sequence: 7) == .detail(index: 1))
        #expect(map.locate(sequence: 8) == .detail(index: 2))
        #expect(map.locate(sequence: 9) == .chipAddendum(detailIndex: 2))
        #expect(map.trailerSequence == 10)
    }
}
