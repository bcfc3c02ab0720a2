import Foundation
import SettleDTO
import SettleFraming
import SettleModel
import Testing

@testable import SettleRecords

/// Every example document reads, validates and encodes to the wire text kept in `Golden/`
/// (card numbers masked). Set `GOLDEN_RECORD=1` to rewrite the files after a deliberate change.
@Suite struct ExampleGoldenTests {
    @Test func thereIsAnExampleForEveryIndustryAndForCommercialChipTokenAndFacilitatorBatches() {
        let expected = [
            "amex-corporate", "auto-rental", "canadian-commercial", "chip-retail", "direct-marketing", "ecommerce-3ds", "grocery", "hotel", "level2",
            "level3",
            "passenger-transport", "payment-facilitator", "restaurant", "retail", "tokenized",
        ]
        #expect(Examples.names == expected)
    }

    /// Together the examples show every detail group the engine builds, so each has a worked,
    /// settled example a merchant can start from.
    @Test func theExamplesTogetherCarryEveryDetailGroupBuilt() throws {
        var carried = GroupSet()
        for name in Examples.names {
            let batch = try Examples.batch(SettlementDocument.read(json: try Examples.data(name), defaults: Examples.defaults, today: Examples.today))
            for detail in batch.detailRecords { carried.rawValue |= detail.optionalGroups(industry: batch.industryType).rawValue }
        }
        let built = GroupSet(groups: DetailGroupLayouts.lengthTable.keys)
        #expect(GroupSet(rawValue: built.rawValue & ~carried.rawValue).groups == [], "groups no example carries")
    }

    @Test(arguments: Examples.names)
    func exampleEncodesToItsGoldenFile(name: String) throws {
        let outcome = SettlementDocument.read(json: try Examples.data(name), defaults: Examples.defaults, today: Examples.today)
        guard case .valid(let batch) = outcome else {
            Issue.record("\(name) is invalid: \(Examples.issues(outcome))")
            return
        }
        let encoded = try BatchEncoder().encode(batch)
        let text = (0..<encoded.framed.blockCount).map { PacketMasker.visible(block: encoded.framed.block($0)) }.joined(separator: "\n") + "\n"
        let file = Examples.golden.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["GOLDEN_RECORD"] == "1" {
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(text == golden, "\(name) no longer encodes to Golden/\(name).txt")
        for detail in batch.detailRecords { #expect(!golden.contains(detail.cardNumber.digits)) }
    }
}
