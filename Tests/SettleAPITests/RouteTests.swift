@testable import SettleAPI
import SettleLedger
import SettleRecords
import SettleService
import Testing

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
            (.failed(code: 201, message: ""), 504, "failed"), (.failed(code: 10061, message: ""), 502, "failed"),
            (.inDoubt(code: 301, message: ""), 504, "in_doubt"), (.inDoubt(code: 523, message: ""), 502, "in_doubt"),
        ]
        for (outcome, status, state) in cases {
            #expect(SettlementAPI.status(of: outcome) == status, "\(outcome)")
            #expect(LedgerMapping.state(of: outcome).rawValue == state, "\(outcome)")
        }
    }
}
