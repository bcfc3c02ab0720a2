import Foundation
import SettleAPI
import SettleDTO
import SettleHTTP
import SettleLedger
import SettleModel
import SettleRecords
import SettleSimulator
import SettleTestSupport
import SettleVault
import Testing

/// Closing a merchant's open batch: frozen, split, settled through the ledger against the
/// simulator, card numbers erased once accepted; a capture after the freeze waits for the next
/// close; an RB holds the batch, or with the setting drops the capture the host named and sends
/// the rest again under the same number.
@Suite(.serialized) struct CloseAPITests {
    typealias T = SettlementAPITests
    typealias P = MerchantProfileAPITests
    typealias C = CaptureAPITests

    func api(_ simulator: SimulatorServer, _ ledger: SQLiteLedger, settings: CloseSettings = CloseSettings()) throws -> SettlementAPI {
        var api = try C().api(simulator, ledger)
        api.closeSettings = settings
        return api
    }

    func json(_ response: HTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    /// Captures `count` cards (distinct approval codes), returning their ids in order.
    func capture(_ api: SettlementAPI, _ merchant: String, count: Int, card: (Int) -> String = { _ in C.visa }) async throws -> [String] {
        var ids: [String] = []
        for number in 1...count {
            let response = await api.handle(try C.post(merchant, C.record(card: card(number), amount: 100 * number, approval: "AP\(number)")))
            #expect(response.status == 201, "\(String(decoding: response.body, as: UTF8.self))")
            ids.append(try #require((try json(response)["capture"] as? [String: Any])?["id"] as? String))
        }
        return ids
    }

    /// Waits for the close to leave `settling` (it settles in the background).
    func settled(_ ledger: SQLiteLedger, _ id: String) async throws -> StoredClose {
        for _ in 0..<500 {
            if let close = try ledger.storedClose(id), close.state != .settling { return close }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw LedgerError("close \(id) did not finish")
    }

    @Test func aCloseSettlesTheOpenBatchInBatchesAndErasesTheNumbers() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let ledger = try LedgerAPITests.ledger()
        let api = try api(simulator, ledger, settings: CloseSettings(batchSize: 2))
        #expect(await api.handle(try P.request("PUT", "/v1/merchants/shop-1", body: P.profile())).status == 201)
        let ids = try await capture(api, "shop-1", count: 5)
        let closing = await api.handle(try P.request("POST", "/v1/merchants/shop-1/close"))
        #expect(closing.status == 202)
        let closeID = try #require(try json(closing)["id"] as? String)
        #expect(closing.headers["location"] == "/v1/merchants/shop-1/closes/\(closeID)")
        // A capture after the freeze goes to the next open batch.
        let later = try await capture(api, "shop-1", count: 1, card: { _ in "5555555555554444" })
        let close = try await settled(ledger, closeID)
        #expect(close.state == .settled && close.captureCount == 5 && close.netAmount == 100 + 200 + 300 + 400 + 500)
        #expect(close.batches.map(\.captureCount) == [2, 2, 1] && close.batches.allSatisfy { $0.state == .accepted })
        #expect(close.transmissionDate == LocalDate(iso: "2026-11-28"), "the merchant's date at the close (07:00 in New York)")
        let numbers = close.batches.compactMap(\.batchNumber)
        #expect(Set(numbers).count == 3, "each batch its own number: \(numbers)")
        for batch in close.batches {
            let settlementID = try #require(batch.settlementID)
            let settlement = try #require(try ledger.entry(settlementID))
            #expect(settlement.state == .accepted && settlement.submission.records.count == batch.captureCount)
            #expect(settlement.submission.idempotencyKey == "close:\(closeID):\(batch.index):1")
        }
        for id in ids {
            let stored = try #require(try ledger.capture(id, merchant: "shop-1"))
            #expect(stored.state == .settled && stored.sealedCardNumber == nil && stored.erasedAt != nil)
        }
        #expect(try ledger.capture(later[0], merchant: "shop-1")?.state == .open)
        #expect(try ledger.openBatch(merchant: "shop-1").captures == 1)
        // The simulator saw three batches.
        simulator.waitUntilIdle()
        #expect(simulator.transcripts.filter { $0.responses.last?.rawCode == "GB" }.count == 3)
        let listed = try json(await api.handle(try P.request("GET", "/v1/merchants/shop-1/closes")))
        #expect((listed["closes"] as? [[String: Any]])?.first?["state"] as? String == "settled")
        let events = try json(await api.handle(try T.request("GET", "/v1/events?type=batch.closed")))
        let event = try #require((events["events"] as? [[String: Any]])?.first)
        #expect((event["data"] as? [String: Any])?["id"] as? String == closeID)
        // Nothing left to close but the one capture; then nothing at all.
        #expect(await api.handle(try P.request("POST", "/v1/merchants/shop-1/close")).status == 202)
        try await Task.sleep(for: .milliseconds(10))
        let empty = await api.handle(try P.request("POST", "/v1/merchants/shop-1/close"))
        #expect(try empty.status == 409 && json(empty)["type"] as? String == "/problems/open-batch-empty")
    }

    @Test(arguments: [false, true])
    func aRejectedBatchIsHeldOrSentAgainWithoutTheCaptureTheHostNamed(drops: Bool) async throws {
        let refused = "5555555555554444"
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today, refusedCardNumbers: [refused]))
        defer { simulator.stop() }
        let ledger = try LedgerAPITests.ledger()
        let api = try api(simulator, ledger, settings: CloseSettings(dropsRejectedCaptures: drops))
        #expect(await api.handle(try P.request("PUT", "/v1/merchants/shop-1", body: P.profile())).status == 201)
        let ids = try await capture(api, "shop-1", count: 3, card: { $0 == 2 ? refused : C.visa })
        let closing = await api.handle(try P.request("POST", "/v1/merchants/shop-1/close"))
        let close = try await settled(ledger, try #require(try json(closing)["id"] as? String))
        let batch = try #require(close.batches.first)
        #expect(batch.rejectedCaptureID == ids[1])
        simulator.waitUntilIdle()
        let codes = simulator.transcripts.compactMap { $0.responses.last?.rawCode }
        if drops {
            #expect(close.state == .settled && batch.state == .accepted && batch.attempt == 2 && batch.captureCount == 2)
            #expect(codes == ["RB", "GB"], "the simulator received both attempts, in order")
            // Both under one batch number.
            let numbers = simulator.transcripts.compactMap { $0.responses.last?.batchNumber }
            #expect(numbers.count == 2 && numbers[0] == numbers[1] && numbers[0] == batch.batchNumber)
            #expect(try ledger.capture(ids[1], merchant: "shop-1")?.state == .dropped)
            #expect(try ledger.capture(ids[1], merchant: "shop-1")?.sealedCardNumber == nil)
            #expect(try ledger.capture(ids[0], merchant: "shop-1")?.state == .settled)
        } else {
            #expect(close.state == .held && batch.state == .held && batch.attempt == 1)
            #expect(batch.note?.contains(ids[1]) == true)
            #expect(codes == ["RB"])
            for id in ids {
                let held = try #require(try ledger.capture(id, merchant: "shop-1"))
                #expect(held.state == .held && held.sealedCardNumber != nil, "kept for the operator, sealed")
            }
            // Tried again by an operator: the host still refuses the card, so held again, at try 2.
            let retried = await api.handle(try P.request("POST", "/v1/merchants/shop-1/closes/\(close.id)/retry"))
            #expect(retried.status == 202)
            let again = try await settled(ledger, close.id)
            #expect(again.state == .held && again.batches.first?.attempt == 2)
            // The operator drops the capture the host named, and tries again: the rest is accepted
            // under the same batch number.
            let dropped = await api.handle(try P.request("DELETE", "/v1/merchants/shop-1/captures/\(ids[1])"))
            #expect(try dropped.status == 200 && json(dropped)["state"] as? String == "dropped")
            #expect(await api.handle(try P.request("POST", "/v1/merchants/shop-1/closes/\(close.id)/retry")).status == 202)
            let done = try await settled(ledger, close.id)
            #expect(done.state == .settled && done.batches.first?.captureCount == 2 && done.batches.first?.attempt == 3)
            simulator.waitUntilIdle()
            #expect(simulator.transcripts.compactMap { $0.responses.last?.rawCode } == ["RB", "RB", "GB"])
            #expect(Set(simulator.transcripts.compactMap { $0.responses.last?.batchNumber }).count == 1)
            let notHeld = await api.handle(try P.request("POST", "/v1/merchants/shop-1/closes/\(close.id)/retry"))
            #expect(try notHeld.status == 409 && json(notHeld)["type"] as? String == "/problems/close-not-held")
        }
    }

    @Test func aCutoffClosesOnceAndAnEmptyOneIsSkippedWithItsEvent() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let ledger = try LedgerAPITests.ledger()
        let api = try api(simulator, ledger)
        #expect(await api.handle(try P.request("PUT", "/v1/merchants/shop-1", body: P.profile())).status == 201)
        _ = try await capture(api, "shop-1", count: 2)
        let cutoff = try #require(try ledger.merchantProfile("shop-1")?.nextCutoff)
        let scheduler = CloseScheduler(api: api)
        // Before the cutoff: nothing.
        #expect(await scheduler.pass(at: cutoff.addingTimeInterval(-1)).closed.isEmpty)
        let pass = await scheduler.pass(at: cutoff.addingTimeInterval(2))
        #expect(pass.closed.count == 1 && pass.closed.first?.cutoffAt == cutoff && pass.closed.first?.reason == .cutoff)
        #expect(pass.settled.first?.state == .settled)
        // The same cutoff again (another replica, a late pass, one that read the profile before
        // the first closed it): nothing more.
        #expect(await scheduler.pass(at: cutoff.addingTimeInterval(3)).closed.isEmpty)
        let stale = try ledger.closeOpenBatch(
            merchant: "shop-1", reason: .cutoff, cutoff: cutoff, nextCutoff: cutoff.addingTimeInterval(60), transmissionDate: T.today,
            batchSize: 100, at: cutoff.addingTimeInterval(4))
        #expect(stale == .alreadyTaken)
        let next = try #require(try ledger.merchantProfile("shop-1")?.nextCutoff)
        #expect(next.timeIntervalSince(cutoff) == 86_400)
        let skipped = await scheduler.pass(at: next.addingTimeInterval(1))
        #expect(skipped.closed.isEmpty && skipped.skipped.count == 1 && skipped.skipped.first?.state == .skipped)
        let events = try json(await api.handle(try T.request("GET", "/v1/events?type=batch.cutoff_skipped")))
        #expect((events["events"] as? [Any])?.count == 1)
    }

    @Test func aBatchWhoseOnlyCaptureTheHostRejectedIsDroppedAndTheCloseEnds() async throws {
        let refused = "5555555555554444"
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today, refusedCardNumbers: [refused]))
        defer { simulator.stop() }
        let ledger = try LedgerAPITests.ledger()
        let api = try api(simulator, ledger, settings: CloseSettings(dropsRejectedCaptures: true))
        #expect(await api.handle(try P.request("PUT", "/v1/merchants/shop-1", body: P.profile())).status == 201)
        _ = try await capture(api, "shop-1", count: 1, card: { _ in refused })
        let closing = await api.handle(try P.request("POST", "/v1/merchants/shop-1/close"))
        let close = try await settled(ledger, try #require(try json(closing)["id"] as? String))
        #expect(close.state == .settled && close.batches.first?.captureCount == 0)
        #expect(close.batches.first?.note?.contains("nothing is left to send") == true)
    }

    @Test func aTryAnsweredByAnotherSettlementOfItsNumberIsHeldNotTakenAsItsOwn() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let ledger = try LedgerAPITests.ledger()
        let api = try api(simulator, ledger)
        #expect(await api.handle(try P.request("PUT", "/v1/merchants/shop-1", body: P.profile())).status == 201)
        _ = try await capture(api, "shop-1", count: 2)
        // Frozen, not driven: its batch's number is then taken by a settlement of its own.
        guard
            case .closed(let close) = try ledger.closeOpenBatch(
                merchant: "shop-1", reason: .manual, cutoff: nil, nextCutoff: nil, transmissionDate: T.today, batchSize: 100, at: P.now)
        else {
            Issue.record("not closed")
            return
        }
        try ledger.recordCloseBatchSettlement(close.id, index: 0, attempt: 1, settlementID: "stl_none", batchNumber: 7)
        // The retail example is batch 7 of the profile's merchant and terminal.
        #expect(await api.handle(try LedgerAPITests.post(try T.example("retail"))).status == 200)
        let current = try #require(try ledger.storedClose(close.id))
        let ended = try #require(await api.settleClose(current))
        #expect(ended.state == .held && ended.batches.first?.note?.contains("is taken by another settlement") == true)
        #expect(ended.batches.first?.batchNumber == nil, "its next try takes a new number")
        for id in try ledger.captures(merchant: "shop-1", state: nil, after: nil, limit: 10).map(\.id) {
            #expect(try ledger.capture(id, merchant: "shop-1")?.sealedCardNumber != nil, "nothing sent, nothing erased")
        }
    }

    @Test func aBatchInDoubtIsNeitherDroppedFromNorTriedAgainUntilItIsResolved() async throws {
        var script = SimulatorScript()
        // The host hangs up once the third block (the trailer's) is in: the settlement is in doubt.
        script.disconnectAfterBlocks = 3
        let simulator = try SimulatorServer(script: script, judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let ledger = try LedgerAPITests.ledger()
        let api = try api(simulator, ledger)
        #expect(await api.handle(try P.request("PUT", "/v1/merchants/shop-1", body: P.profile())).status == 201)
        let ids = try await capture(api, "shop-1", count: 2)
        let closing = await api.handle(try P.request("POST", "/v1/merchants/shop-1/close"))
        let close = try await settled(ledger, try #require(try json(closing)["id"] as? String))
        let batch = try #require(close.batches.first)
        let settlement = try #require(batch.settlementID)
        #expect(try close.state == .held && ledger.entry(settlement)?.state == .inDoubt, "\(batch.note ?? "")")
        let drop = await api.handle(try P.request("DELETE", "/v1/merchants/shop-1/captures/\(ids[0])"))
        #expect(try drop.status == 409 && json(drop)["type"] as? String == "/problems/batch-in-doubt")
        let retry = await api.handle(try P.request("POST", "/v1/merchants/shop-1/closes/\(close.id)/retry"))
        #expect(try retry.status == 409 && json(retry)["settlement"] as? String == settlement)
        // Resolved captured: the retry settles the batch without sending anything again.
        let sessions = simulator.transcripts.count
        let resolve = await api.handle(
            try T.request("POST", "/v1/settlements/\(settlement)/resolve", body: #"{"resolution": "captured", "note": "seen in TSYS reports"}"#))
        #expect(resolve.status == 200)
        #expect(await api.handle(try P.request("POST", "/v1/merchants/shop-1/closes/\(close.id)/retry")).status == 202)
        let done = try await settled(ledger, close.id)
        #expect(done.state == .settled && done.batches.first?.settlementID == settlement)
        simulator.waitUntilIdle()
        #expect(simulator.transcripts.count == sessions, "nothing sent again")
        #expect(try ledger.capture(ids[0], merchant: "shop-1")?.state == .settled)
    }
}
