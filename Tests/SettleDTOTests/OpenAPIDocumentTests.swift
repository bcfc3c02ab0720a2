import Foundation
@testable import SettleDTO
import Testing

/// `openapi.yaml` describes exactly the fields the document reader accepts, so a client built
/// from the spec neither misses a field nor sends one the server refuses.
@Suite struct OpenAPIDocumentTests {
    static let text = (try? String(contentsOf: Examples.root.appendingPathComponent("openapi.yaml"), encoding: .utf8)) ?? ""

    /// The property names of `components.schemas.NAME.properties` (two-space YAML indentation).
    static func properties(of schema: String) -> Set<String> {
        var names: Set<String> = []
        var inSchema = false, inProperties = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            if indent == 4 { inSchema = line.hasPrefix("    \(schema):"); inProperties = false; continue }
            guard inSchema else { continue }
            if indent == 6 { inProperties = line.hasPrefix("      properties:"); continue }
            if inProperties && indent == 8, let colon = line.firstIndex(of: ":") {
                names.insert(line[line.index(line.startIndex, offsetBy: 8)..<colon].trimmingCharacters(in: .whitespaces))
            }
        }
        return names
    }

    @Test func detailRecordFieldsMatchTheReader() {
        #expect(Self.properties(of: "DetailRecord") == DetailReader.keys.names)
    }

    @Test func documentFieldsMatchTheReader() {
        #expect(Self.properties(of: "SettlementDocument") == BatchReader.keys.names)
    }

    /// Every group's schema against its reader, so none of them is an open object.
    @Test(arguments: [
        ("Merchant", BatchReader.merchantKeys), ("CardNotPresent", GroupReaders.cardNotPresentKeys), ("Lodging", GroupReaders.lodgingKeys),
        ("LodgingAmex", GroupReaders.lodgingAmexKeys), ("AutoRental", GroupReaders.autoRentalKeys),
        ("AutoRentalReturn", GroupReaders.autoRentalReturnKeys), ("PassengerTransport", GroupReaders.passengerTransportKeys),
        ("TripLeg", GroupReaders.tripLegKeys), ("Debit", GroupReaders.debitKeys), ("Level2", CommercialReaders.level2Keys),
        ("Level3", CommercialReaders.level3Keys), ("LineItem", CommercialReaders.lineItemKeys),
    ])
    func groupFieldsMatchTheirReaders(schema: String, keys: KeySet) {
        #expect(Self.properties(of: schema) == keys.names, "\(schema)")
    }
}
