import SettleModel
import SettleRecords
import SettleTestSupport
import Testing

/// Whatever the validator accepts, the encoder can encode: random garbage put into valid
/// batches is either reported or fits its field. Encoding never fails with 544.
@Suite struct ValidationCompletenessTests {
    static let garbage = ["", " ", "é", "ABC\u{7}", "0", "9999999999999999999999999999", "A B", "-1", "👍", "V1234567", "  X", "x"]

    @Test(arguments: Array(UInt64(1)...300))
    func acceptedMeansEncodable(seed: UInt64) {
        var generator = RandomBatches(seed: seed)
        var batch = generator.batch()
        var rng = SeededGenerator(seed: seed &* 31)
        for _ in 0..<rng.int(1...4) { damage(&batch, &rng) }
        let issues = BatchValidator().validate(batch)
        do {
            _ = try BatchEncoder().encode(batch)
            #expect(issues.isEmpty)
        } catch {
            #expect(error.code != .errorBuildingPacket, "seed \(seed): \(error)")
            if case .invalidBatch(let reported) = error { #expect(reported == issues) }
        }
    }

    func damage(_ batch: inout Batch, _ rng: inout SeededGenerator) {
        let text = rng.pick(Self.garbage)
        let number = rng.pick([-1, 0, 1, 99, 1000, 10_000, 1_000_000, Int.max])
        let index = rng.int(0...(batch.detailRecords.count - 1))
        switch rng.int(0...17) {
        case 0: batch.merchant.name = text
        case 1: batch.merchant.zip = text
        case 2: batch.merchant.terminalId = text
        case 3: batch.batchNumber = number
        case 4: batch.settings.deviceCode = text
        case 5: batch.detailRecords[index].approvalCode = text
        case 6: batch.detailRecords[index].transactionNumber = number
        case 7: batch.detailRecords[index].settlementAmount = Amount(minorUnits: Int64(number))
        case 8: batch.detailRecords[index].purchaseIdentifier = text
        case 9: batch.detailRecords[index].cardholderId = text
        case 10: batch.detailRecords[index].transactionId = text
        case 11: batch.detailRecords[index].lodging?.noShow = text
        case 12: batch.detailRecords[index].autoRental?.extraCharges = text
        case 13: batch.detailRecords[index].passengerTransport?.legs.append(TripLeg(carrier: text, serviceClass: text, destination: text))
        case 14: batch.detailRecords[index].level3?.lineItems.append(LineItem(description: text, total: Amount(minorUnits: Int64(number))))
        case 15: batch.detailRecords[index].cardNotPresent?.installmentCount = number
        case 16: batch.merchant.timeZone = text
        default: batch.detailRecords[index].posDataCode = text
        }
    }
}
