import Foundation
import SettleAPI
import SettleDTO
import SettleHTTP
import SettleLedger
import SettleModel
import SettleSimulator
import SettleTestSupport
import SettleVault
import Testing

/// Card numbers at rest in PostgreSQL: a dump of the whole database taken while captures are
/// open holds no full card number (their sealed forms are there), and after the close none at all.
@Suite(.serialized) struct CardDataAtRestTests {
    typealias T = SettlementAPITests
    typealias P = MerchantProfileAPITests
    typealias C = CaptureAPITests

    @Test func aPostgreSQLDumpWhileCapturesAreOpenHoldsNoCardNumber() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let server = try PostgresTestServer.shared.get()
        let url = try server.makeDatabase()
        let ledger = try PostgresLedger(url: url)
        try ledger.acquireLease(instance: "dump-test", duration: .seconds(600), at: Date())
        var api = SettlementAPITests().api(simulator)
        api.ledger = ledger
        api.clock = SettlementClock(today: { T.today }, now: { P.now })
        api.cardDataKeys = CardDataKeyring(current: try CardDataKey.generate())
        #expect(await api.handle(try P.request("PUT", "/v1/merchants/shop-1", body: P.profile())).status == 201)
        let cards = [C.visa, "5555555555554444", "4012888888881881"]
        var net = 0
        for (index, card) in cards.enumerated() {
            let response = await api.handle(try C.post("shop-1", C.record(card: card, amount: 100 + index, approval: "D\(index)")))
            #expect(response.status == 201)
            net =
                try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]).map {
                    ($0["openBatch"] as? [String: Any])?["netAmount"] as? Int ?? -1
                } ?? -1
        }
        #expect(net == 100 + 101 + 102, "the open batch's total, as PostgreSQL sums it")
        let open = try server.dump(url)
        #expect(open.contains("v1.\(api.cardDataKeys!.current.id)."), "the sealed numbers are in the dump")
        for card in cards { #expect(!open.contains(card)) }
        #expect(await api.handle(try P.request("POST", "/v1/merchants/shop-1/close")).status == 202)
        for _ in 0..<500 where try ledger.openBatchesSummary().captures > 0 || !(try ledger.cardDataKeyIDs().isEmpty) {
            try await Task.sleep(for: .milliseconds(20))
        }
        let closed = try server.dump(url)
        #expect(!closed.contains("v1.\(api.cardDataKeys!.current.id)."), "accepted: every number erased")
        for card in cards { #expect(!closed.contains(card)) }
    }
}
