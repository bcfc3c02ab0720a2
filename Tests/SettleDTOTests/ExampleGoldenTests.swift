import Foundation
import SettleDTO
import SettleFraming
import SettleModel
import SettleRecords
import Testing

/// Every example document reads, validates and encodes to the wire text kept in `Golden/`
/// (card numbers masked). Set `GOLDEN_RECORD=1` to rewrite the files after a deliberate change.
@Suite struct ExampleGoldenTests {
    @Test func thereIsAnExampleForEveryIndustryAndForLevel2And3AndChip() {
        let expected = [
            "auto-rental", "chip-retail", "direct-marketing", "grocery", "hotel", "level2", "level3", "passenger-transport", "restaurant", "retail",
        ]
        #expect(Examples.names == expected)
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
