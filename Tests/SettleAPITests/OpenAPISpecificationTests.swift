import Foundation
import SettleDTO
import SettleHTTP
import SettleService
import Testing

@testable import SettleAPI

/// The spec the server serves is the repository's openapi.yaml, byte for byte.
@Suite struct OpenAPISpecificationTests {
    @Test func theEmbeddedSpecIsTheRepositorys() throws {
        let file = try String(contentsOf: SettlementAPITests.root.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        #expect(OpenAPISpecification.text + "\n" == file, "openapi.yaml changed: run scripts/embed-openapi")
    }

    @Test func itIsServedWithoutAKey() async throws {
        let api = SettlementAPI(
            defaults: .init(), settler: Settler(endpoint: .simulator), keys: try #require(APIKeys(hexHashes: [String(repeating: "a", count: 64)])))
        let response = await api.handle(try SettlementAPITests.request("GET", "/openapi.yaml"))
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "application/yaml")
        #expect(String(decoding: response.body, as: UTF8.self).hasPrefix("openapi: 3.1.0\n"))
    }
}
