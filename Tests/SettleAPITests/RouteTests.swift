import Foundation
import SettleDTO
import SettleHTTP
import SettleLedger
import SettleModel
import SettleRecords
import SettleService
import SettleTestSupport
import Testing

@testable import SettleAPI

/// A request's route is worked out once from its path; each outcome's status and ledger state
/// each come from one small function.
@Suite struct RouteTests {
    @Test(arguments: [
        ("/healthz", Route.health, "/healthz"), ("/readyz", .readiness, "/readyz"), ("/openapi.yaml", .openAPI, "/openapi.yaml"),
        ("/metrics", .metrics, "/metrics"), ("/v1/settlements", .settlements, "/v1/settlements"),
        ("/v1/settlements/validate", .validate, "/v1/settlements/validate"),
        ("/v1/settlements/stl_abc123", .settlement(id: "stl_abc123"), "/v1/settlements/{id}"),
        ("/v1/settlements/stl_abc123/resolve", .resolve(id: "stl_abc123"), "/v1/settlements/{id}/resolve"),
        ("/v1/settlements/", .unknown, "other"), ("/v1/settlements/a-b", .unknown, "other"), ("/v1/settlements//resolve", .unknown, "other"),
        ("/v1/settlements/x/y", .unknown, "other"), ("/", .unknown, "other"), ("/v1/settlementsX", .unknown, "other"),
    ])
    func aPathHasOneRouteAndOneLabel(path: String, route: Route, label: String) {
        #expect(Route(path: Substring(path)) == route)
        #expect(Route(path: Substring(path)).metricsLabel == label)
    }

    @Test func statusAndStateFollowTheOutcome() {
        let good = HostResponse(code: .goodBatch, rawCode: "GB", applicationType: "1", recordCount: 5, netDeposit: 100, batchNumber: 7)
        let cases: [(SettlementOutcome, Int, String)] = [
            (.accepted(good), 200, "accepted"), (.duplicate(good), 409, "duplicate"), (.rejected(good, detailIndex: 0), 422, "rejected"),
            (.failed(code: .connectionTimeout, message: ""), 504, "failed"), (.failed(code: .connectionRefused, message: ""), 502, "failed"),
            (.inDoubt(code: .timeout, message: ""), 504, "in_doubt"), (.inDoubt(code: .noResponse, message: ""), 502, "in_doubt"),
        ]
        for (outcome, status, state) in cases {
            #expect(SettlementAPI.status(of: outcome) == status, "\(outcome)")
            #expect(LedgerMapping.state(of: outcome).rawValue == state, "\(outcome)")
        }
    }
}

/// The validate route tells a body that is not JSON from one that is not a document, by code.
@Suite struct ProblemCodeTests {
    @Test func aBodyThatIsNotJSONHasACodeOfItsOwn() async throws {
        let api = SettlementAPI(defaults: .init(), settler: Settler(endpoint: .simulator))
        func code(_ body: String) async throws -> Int? {
            let response = await api.handle(try SettlementAPITests.request("POST", "/v1/settlements/validate", body: body))
            #expect(response.status == 400)
            let problem = try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
            #expect((problem?["type"] as? String)?.hasPrefix("/problems/") == true)
            return problem?["code"] as? Int
        }
        let notJSON = try await code("{")
        #expect(notJSON == 600)
        #expect(try await code("[]") != notJSON)
        #expect(try await code(#"{"unknownMember": 1}"#) != notJSON)
    }

    @Test func theLedgerRecordsTheTransactionCodeThatGoesOnTheWire() {
        var bill = SampleBatches.sale()
        bill.marketSpecificData = "B"
        let batch = SampleBatches.batch(.retail, [bill, SampleBatches.sale(number: 2)])
        let coded = LedgerMapping.submission(batch, key: nil, environment: "test", fingerprint: "f", profile: .standard)
        #expect(coded.records.map(\.transactionCode) == ["5B", "54"])
        let plain = LedgerMapping.submission(
            batch, key: nil, environment: "test", fingerprint: "f", profile: WireProfile(billPaymentTransactionCodes: false))
        #expect(plain.records.map(\.transactionCode) == ["54", "54"])
    }
}
