import SettleFraming
import SettleModel
import SettleTestSupport
import Testing

@testable import SettleRecords

/// Random valid batches encode, decode and compare equal; random bytes never crash the decoder.
@Suite struct RoundTripPropertyTests {
    static let seeds: [UInt64] = Array(1...300)

    @Test(arguments: seeds)
    func randomValidBatchRoundTrips(seed: UInt64) throws {
        var generator = RandomBatches(seed: seed)
        let batch = generator.batch()
        let issues = BatchValidator().validate(batch)
        #expect(issues.isEmpty, "seed \(seed): generator produced an invalid batch: \(issues)")
        // The standard profile, and the other side of every uncertain layout at once.
        let other = WireProfile(masterCardLineItemDescriptionLength: 36, detailExtensionLengthCountsItself: false, canadianTaxRecordType: "L")
        for profile in [WireProfile.standard, other] {
            let encoded = try BatchEncoder(profile: profile).encode(batch)
            let decoded = try BatchDecoder(profile: profile, referenceDate: batch.transmissionDate).decode(encoded.framed.bytes)
            #expect(decoded.batch == batch, "seed \(seed): \(RoundTripPropertyTests.firstDifference(decoded.batch, batch))")
            #expect(decoded.trailerTotals == BatchTotals(details: batch.detailRecords).withoutSign)
            #expect(decoded.blockCount == encoded.framed.blockCount)
        }
    }

    /// The generator reaches every detail group the engine builds, so the round trip above covers each.
    @Test func theGeneratorCoversEveryDetailGroupBuilt() {
        var carried = GroupSet()
        for seed in Self.seeds {
            var generator = RandomBatches(seed: seed)
            let batch = generator.batch()
            for detail in batch.detailRecords { carried.rawValue |= detail.optionalGroups(industry: batch.industryType).rawValue }
        }
        let built = GroupSet(groups: DetailGroupLayouts.lengthTable.keys)
        #expect(GroupSet(rawValue: built.rawValue & ~carried.rawValue).groups == [], "groups no random batch carries")
    }

    /// The dry run's shape (planned, no bytes written) is exactly what encoding produces.
    @Test(arguments: seeds.prefix(100))
    func theShapeOfABatchMatchesItsEncoding(seed: UInt64) throws {
        var generator = RandomBatches(seed: seed)
        var batch = generator.batch()
        for combine in [true, false] {
            batch.settings.combineRecords = combine
            let encoder = BatchEncoder()
            let encoded = try encoder.encode(batch)
            let shape = encoder.shape(batch)
            #expect(shape.totals == encoded.totals)
            #expect(shape.blockCount == encoded.framed.blockCount)
            #expect(shape.wireBytes == encoded.framed.bytes.count)
            #expect(shape.applicationType == encoded.applicationType)
        }
    }

    @Test(arguments: seeds.prefix(100))
    func blockedAndUnblockedCarryTheSameRecords(seed: UInt64) throws {
        var generator = RandomBatches(seed: seed)
        var batch = generator.batch()
        batch.settings.combineRecords = true
        let blocked = try BatchEncoder().encode(batch)
        batch.settings.combineRecords = false
        let unblocked = try BatchEncoder().encode(batch)
        #expect(unblocked.framed.blockCount == blocked.totals.recordCount)
        #expect(blocked.framed.blockCount <= unblocked.framed.blockCount)
        let a = try BatchDecoder(referenceDate: batch.transmissionDate).decode(blocked.framed.bytes).batch
        let b = try BatchDecoder(referenceDate: batch.transmissionDate).decode(unblocked.framed.bytes).batch
        #expect(a.detailRecords == b.detailRecords)
    }

    @Test(arguments: seeds.prefix(200))
    func randomBytesAreRejectedNotCrashed(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let length = rng.int(0...700)
        var bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        if rng.chance(50) && !bytes.isEmpty { bytes[0] = 0x82 }
        #expect(throws: BatchDecodingError.self) { try BatchDecoder(referenceDate: SampleBatches.july26).decode(bytes) }
        _ = try? ResponseParser.parse(wire: bytes)
        _ = try? ResponseParser.parse(record: bytes)
    }

    @Test(arguments: seeds.prefix(200))
    func mutatedWireIsRejectedOrDecodesToSomethingValidatable(seed: UInt64) throws {
        var generator = RandomBatches(seed: seed)
        let batch = generator.batch()
        var bytes = try BatchEncoder().encode(batch).framed.bytes
        var rng = SeededGenerator(seed: seed ^ 0xABCDEF)
        for _ in 0..<rng.int(1...4) {
            bytes[rng.int(0...(bytes.count - 1))] = UInt8(truncatingIfNeeded: rng.next())
        }
        // Flipping bytes breaks parity or the LRC almost always; either way nothing may crash.
        if let decoded = try? BatchDecoder(referenceDate: batch.transmissionDate).decode(bytes) {
            _ = BatchValidator().validate(decoded.batch)
        }
    }
}

extension RoundTripPropertyTests {
    /// The first field that differs, so a failure names it instead of printing two whole batches.
    static func firstDifference(_ a: Batch, _ b: Batch) -> String {
        if a.merchant != b.merchant { return "merchant: \(a.merchant) vs \(b.merchant)" }
        if a.settings != b.settings { return "settings: \(a.settings) vs \(b.settings)" }
        for (index, (x, y)) in zip(a.detailRecords, b.detailRecords).enumerated() where x != y {
            for (left, right) in zip(Mirror(reflecting: x).children, Mirror(reflecting: y).children)
            where String(describing: left.value) != String(describing: right.value) {
                return "detail \(index) \(left.label ?? "?"): \(left.value) vs \(right.value)"
            }
            return "detail \(index)"
        }
        return a.detailRecords.count != b.detailRecords.count ? "detail count" : "batch fields"
    }
}

extension BatchTotals {
    /// The trailer carries no sign, so a decoded trailer never says "credit".
    var withoutSign: BatchTotals {
        var copy = self
        copy.netDepositIsCredit = false
        return copy
    }
}
