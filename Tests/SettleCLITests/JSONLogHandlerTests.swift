import Foundation
import Logging
import Testing

@testable import SettleCLI

/// `--log-format json` lines: one object, metadata as fields, card numbers masked, nothing
/// shadowing the fixed fields.
@Suite struct JSONLogHandlerTests {
    @Test func aLineIsOneObjectWithItsMetadataAsFields() throws {
        let line = JSONLogHandler.line(
            time: Date(timeIntervalSince1970: 1_795_000_000), level: .warning, label: "tsys-settle",
            message: "card 4111111111111111 refused",
            metadata: ["settlement": "stl_1", "message": "shadow", "nested": ["a": ["1", "4012888888881881"]], "count": .stringConvertible(3)])
        #expect(line.hasSuffix("\n") && line.dropLast().contains("\n") == false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["time"] as? String == "2026-11-18T11:06:40.000Z")
        #expect(object["level"] as? String == "warning")
        #expect(object["label"] as? String == "tsys-settle")
        #expect(object["message"] as? String == "card 411111******1111 refused")
        #expect(object["settlement"] as? String == "stl_1")
        #expect(object["metadata.message"] as? String == "shadow")
        #expect(object["count"] as? String == "3")
        #expect(((object["nested"] as? [String: Any])?["a"] as? [String])?.last == "401288******1881")
        #expect(!line.contains("4111111111111111") && !line.contains("4012888888881881"))
    }
}
