import Foundation
import SettleAPI
import SettleHTTP
import SettleLedger
import SettleModel
import SettleSimulator
import SettleTestSupport
import Synchronization
import Testing

/// The delivery log through the API: listed and filtered, one delivery with its tries, and
/// redelivered on request (the dispatcher told at once).
@Suite(.serialized) struct WebhookDeliveriesAPITests {
    typealias T = SettlementAPITests

    func json(_ response: HTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    @Test func deliveriesAreListedShownWithTheirTriesAndRedelivered() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let ledger = try LedgerAPITests.ledger()
        var api = LedgerAPITests().api(simulator, ledger)
        let nudges = Atomic<Int>(0)
        api.eventRecorded = { nudges.add(1, ordering: .relaxed) }
        try ledger.registerWebhookEndpoint(id: "whe_0011223344556677", url: "https://hooks.example.com/x", at: Date())
        let settled = await api.handle(try LedgerAPITests.post(try T.example("retail"), key: "order-1"))
        #expect(settled.status == 200)
        #expect(nudges.load(ordering: .relaxed) == 1, "the ending's event was announced to the dispatcher")
        #expect(try ledger.scheduleWebhookDeliveries(endpoint: "whe_0011223344556677", types: [], at: Date()) == 1)
        let claimed = try ledger.claimWebhookDeliveries(
            replica: "r", endpoints: ["whe_0011223344556677"], at: Date(), until: Date().addingTimeInterval(30), limit: 1)
        let id = try #require(claimed.first?.delivery.id)
        try ledger.recordWebhookAttempt(
            WebhookAttemptOutcome(status: 502, error: "HTTP 502", retryAt: Date().addingTimeInterval(60)), of: id, by: "r", at: Date(),
            milliseconds: 40)
        let list = try json(await api.handle(try T.request("GET", "/v1/webhook-deliveries?state=pending")))
        let listed = try #require((list["deliveries"] as? [[String: Any]])?.first)
        #expect(listed["id"] as? String == id && listed["attempts"] as? Int == 1 && listed["lastStatus"] as? Int == 502)
        #expect(listed["settlementId"] as? String == claimed.first?.event.settlementID && listed["nextAttemptAt"] is String)
        let delivered = try json(await api.handle(try T.request("GET", "/v1/webhook-deliveries?state=delivered")))
        #expect((delivered["deliveries"] as? [Any])?.isEmpty == true)
        let one = try json(await api.handle(try T.request("GET", "/v1/webhook-deliveries/\(id)")))
        let tries = try #require(one["tries"] as? [[String: Any]])
        #expect(tries.count == 1 && tries.first?["status"] as? Int == 502 && tries.first?["replica"] as? String == "r")
        let redelivered = await api.handle(try T.request("POST", "/v1/webhook-deliveries/\(id)/redeliver"))
        #expect(redelivered.status == 202)
        #expect(redelivered.headers["location"] == "/v1/webhook-deliveries/\(id)")
        #expect(nudges.load(ordering: .relaxed) == 2)
        // Due now: the ledger keeps milliseconds, rounded, so "now" may read up to half of one ahead.
        #expect(try ledger.webhookDelivery(id).map { $0.nextAttemptAt <= Date().addingTimeInterval(0.001) } == true)
        #expect(await api.handle(try T.request("POST", "/v1/webhook-deliveries/whd_none/redeliver")).status == 404)
        #expect(await api.handle(try T.request("GET", "/v1/webhook-deliveries/whd_none")).status == 404)
        #expect(await api.handle(try T.request("GET", "/v1/webhook-deliveries?state=lost")).status == 400)
        #expect(await api.handle(try T.request("GET", "/v1/webhook-deliveries/\(id)/redeliver")).status == 405)
    }
}
