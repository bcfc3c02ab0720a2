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

/// `/v1/merchants/{merchantId}/captures`: a detail record is checked against its merchant's
/// profile, kept in the open batch with its card number sealed, idempotent by key, refused as a
/// duplicate of the same authorization, listed, voided while open; the number is nowhere in the
/// ledger's files.
@Suite(.serialized) struct CaptureAPITests {
    typealias T = SettlementAPITests
    typealias P = MerchantProfileAPITests

    static let visa = "4111111111111111"

    static func record(card: String = visa, amount: Int = 2500, approval: String = "A1B2C3", extra: String = "") -> String {
        """
        {"transactionType": "cardPresent", "cardNumber": "\(card)", "settlementAmount": \(amount), "authorizedAmount": \(amount),
         "transactionDate": "2026-11-25", "transactionTime": "18:30:05", "transactionNumber": 1, "approvalCode": "\(approval)",
         "authorizationSource": "5", "responseACI": "E", "responseCode": "00", "transactionId": "305123456789012",
         "validationCode": "X1Y2", "posDataCode": "D2010100000Z", "accountDataSource": "D", "cardholderId": "@"\(extra)}
        """
    }

    func api(_ simulator: SimulatorServer, _ ledger: SQLiteLedger, keys: APIKeys? = nil) throws -> SettlementAPI {
        var api = LedgerAPITests().api(simulator, ledger)
        api.clock = SettlementClock(today: { T.today }, now: { P.now })
        api.cardDataKeys = CardDataKeyring(current: try CardDataKey.generate())
        if let keys { api.keys = keys }
        return api
    }

    static func post(_ merchant: String, _ body: String, key: String? = nil, bearer: String? = nil) throws -> HTTPRequest {
        var request = try P.request("POST", "/v1/merchants/\(merchant)/captures", body: body, key: bearer)
        if let key { request.head.headers.append("Idempotency-Key", key) }
        return request
    }

    func json(_ response: HTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    @Test func aCaptureIsKeptInTheOpenBatchWithItsCardNumberSealed() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let ledger = try LedgerAPITests.ledger()
        let api = try api(simulator, ledger)
        #expect(await api.handle(try P.request("PUT", "/v1/merchants/shop-1", body: P.profile())).status == 201)
        let created = await api.handle(try Self.post("shop-1", Self.record(), key: "order-1"))
        #expect(created.status == 201)
        let receipt = try json(created)
        let capture = try #require(receipt["capture"] as? [String: Any])
        let id = try #require(capture["id"] as? String)
        #expect(id.hasPrefix("cap_") && created.headers["location"] == "/v1/merchants/shop-1/captures/\(id)")
        #expect(capture["state"] as? String == "open" && capture["maskedCardNumber"] as? String == "411111******1111")
        #expect(capture["amount"] as? Int == 2500 && capture["kind"] as? String == "sale" && capture["cardNumberErased"] as? Bool == false)
        let record = try #require(capture["record"] as? [String: Any])
        #expect(record["cardNumber"] == nil && record["approvalCode"] as? String == "A1B2C3")
        #expect((receipt["openBatch"] as? [String: Any])?["captures"] as? Int == 1)
        #expect(receipt["nextCutoff"] as? String == "2026-11-28T23:00:00-05:00")

        // The same request again under its key: the same capture.
        let replayed = await api.handle(try Self.post("shop-1", Self.record(), key: "order-1"))
        #expect(replayed.status == 200 && replayed.headers["idempotent-replayed"] == "true")
        #expect(try (json(replayed)["capture"] as? [String: Any])?["id"] as? String == id)
        let reused = await api.handle(try Self.post("shop-1", Self.record(amount: 2600), key: "order-1"))
        #expect(try reused.status == 422 && json(reused)["type"] as? String == "/problems/idempotency-key-reused")
        // The same authorization under another key is a duplicate; another amount or card is not.
        let duplicate = await api.handle(try Self.post("shop-1", Self.record(), key: "order-2"))
        #expect(try duplicate.status == 409 && json(duplicate)["type"] as? String == "/problems/duplicate-capture")
        #expect(duplicate.headers["content-location"] == "/v1/merchants/shop-1/captures/\(id)")
        let credit = """
            {"transactionType": "offlineCredit", "cardNumber": "5555555555554444", "settlementAmount": 1000, "transactionDate": "2026-11-25",
             "transactionTime": "12:00:00", "transactionNumber": 9001, "posDataCode": "ZZZZ0100000Z"}
            """
        let second = await api.handle(try Self.post("shop-1", Self.record(card: "5555555555554444", amount: 4999)))
        let third = await api.handle(try Self.post("shop-1", credit))
        #expect(second.status == 201, "\(String(decoding: second.body, as: UTF8.self))")
        #expect(third.status == 201, "\(String(decoding: third.body, as: UTF8.self))")
        #expect(try (json(third)["openBatch"] as? [String: Any])?["netAmount"] as? Int == 2500 + 4999 - 1000)

        let listed = try json(await api.handle(try P.request("GET", "/v1/merchants/shop-1/captures?state=open")))
        #expect((listed["captures"] as? [[String: Any]])?.count == 3)
        let one = await api.handle(try P.request("GET", "/v1/merchants/shop-1/captures/\(id)"))
        #expect(try one.status == 200 && json(one)["id"] as? String == id)

        // Nothing the ledger stored holds the card numbers: the database and its write-ahead log.
        for suffix in ["", "-wal"] {
            let bytes = try #require(FileManager.default.contents(atPath: ledger.path + suffix))
            #expect(bytes.count >= 4096, "the file is there (its pages, or the log of them)")
            for pan in [Self.visa, "5555555555554444"] { #expect(bytes.range(of: Data(pan.utf8)) == nil, "\(suffix)") }
        }
        #expect(try ledger.cardDataKeyIDs() == [api.cardDataKeys!.current.id])
    }

    @Test func aVoidRemovesAnOpenCaptureAndErasesItsNumber() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let ledger = try LedgerAPITests.ledger()
        let api = try api(simulator, ledger)
        #expect(await api.handle(try P.request("PUT", "/v1/merchants/shop-1", body: P.profile())).status == 201)
        let id = try #require(try (json(await api.handle(try Self.post("shop-1", Self.record())))["capture"] as? [String: Any])?["id"] as? String)
        // With a capture open, the profile stays.
        let refused = await api.handle(try P.request("DELETE", "/v1/merchants/shop-1"))
        #expect(try refused.status == 409 && json(refused)["type"] as? String == "/problems/captures-pending")
        let voided = await api.handle(try P.request("DELETE", "/v1/merchants/shop-1/captures/\(id)"))
        #expect(try voided.status == 200 && json(voided)["state"] as? String == "voided" && json(voided)["cardNumberErased"] as? Bool == true)
        let again = await api.handle(try P.request("DELETE", "/v1/merchants/shop-1/captures/\(id)"))
        #expect(try again.status == 409 && json(again)["type"] as? String == "/problems/capture-not-open")
        #expect(try ledger.openBatch(merchant: "shop-1") == OpenBatchTotals(captures: 0, netAmount: 0))
        #expect(try ledger.cardDataKeyIDs().isEmpty)
        // Voided, the same authorization may be captured again.
        #expect(await api.handle(try Self.post("shop-1", Self.record())).status == 201)
        #expect(await api.handle(try P.request("DELETE", "/v1/merchants/shop-1/captures/cap_none")).status == 404)
    }

    @Test func aBadCaptureIsRefusedWithPointersIntoItsBodyAndNothingIsStored() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let ledger = try LedgerAPITests.ledger()
        let api = try api(simulator, ledger)
        #expect(await api.handle(try P.request("PUT", "/v1/merchants/shop-1", body: P.profile())).status == 201)
        let bad = Self.record(card: "4111111111111112").replacingOccurrences(of: "\"settlementAmount\": 2500,", with: "\"cvv\": \"123\",")
        let response = await api.handle(try Self.post("shop-1", bad))
        #expect(response.status == 400)
        let pointers = Set(try #require(try json(response)["problems"] as? [[String: Any]]).compactMap { $0["pointer"] as? String })
        #expect(pointers.isSuperset(of: ["/cardNumber", "/settlementAmount", "/cvv"]), "\(pointers)")
        // The number copied into another field would be kept in the clear: refused.
        let copied = await api.handle(try Self.post("shop-1", Self.record(extra: #", "purchaseIdentifier": "4111111111111111""#)))
        #expect(copied.status == 400)
        #expect(await api.handle(try Self.post("shop-1", "[]")).status == 400)
        #expect(await api.handle(try Self.post("shop-2", Self.record())).status == 404)
        #expect(try ledger.captures(merchant: "shop-1", state: nil, after: nil, limit: 10).isEmpty)
        for pan in ["4111111111111112", Self.visa] { #expect(Data(response.body).range(of: Data(pan.utf8)) == nil) }
        var keyless = api
        keyless.cardDataKeys = nil
        #expect(await keyless.handle(try Self.post("shop-1", Self.record())).status == 503)
    }

    @Test func aScopedKeyCannotCaptureForOrSeeAnotherMerchant() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let keys = try #require(APIKeys(hexHashes: [APIKeysTests.hex("admin"), APIKeysTests.hex("a-key") + "@shop-a"]))
        let api = try api(simulator, try LedgerAPITests.ledger(), keys: keys)
        for id in ["shop-a", "shop-b"] {
            #expect(await api.handle(try P.request("PUT", "/v1/merchants/\(id)", body: P.profile(), key: "admin")).status == 201)
        }
        let b = try #require(
            try (json(await api.handle(try Self.post("shop-b", Self.record(), bearer: "admin")))["capture"] as? [String: Any])?["id"] as? String)
        #expect(await api.handle(try Self.post("shop-a", Self.record(), bearer: "a-key")).status == 201)
        #expect(await api.handle(try Self.post("shop-b", Self.record(amount: 1), bearer: "a-key")).status == 404)
        #expect(await api.handle(try P.request("GET", "/v1/merchants/shop-b/captures", key: "a-key")).status == 404)
        #expect(await api.handle(try P.request("GET", "/v1/merchants/shop-b/captures/\(b)", key: "a-key")).status == 404)
        #expect(await api.handle(try P.request("DELETE", "/v1/merchants/shop-b/captures/\(b)", key: "a-key")).status == 404)
        // Nor through its own merchant's path.
        #expect(await api.handle(try P.request("GET", "/v1/merchants/shop-a/captures/\(b)", key: "a-key")).status == 404)
        // Nor close another merchant's batch, or see its closes.
        #expect(await api.handle(try P.request("POST", "/v1/merchants/shop-b/close", key: "a-key")).status == 404)
        #expect(await api.handle(try P.request("GET", "/v1/merchants/shop-b/closes", key: "a-key")).status == 404)
        #expect(await api.handle(try P.request("GET", "/v1/merchants/shop-b/captures?state=open", key: "admin")).status == 200)
        let open = try json(await api.handle(try P.request("GET", "/v1/merchants/shop-b/captures?state=open", key: "admin")))
        #expect((open["captures"] as? [Any])?.count == 1, "shop-b's batch is still open")
        #expect(await api.handle(try P.request("POST", "/v1/merchants/shop-a/close", key: "a-key")).status == 202)
    }

    @Test func aRotationDoesNotHideAnEarlierCaptureOfTheSameAuthorization() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let ledger = try LedgerAPITests.ledger()
        var api = try api(simulator, ledger)
        #expect(await api.handle(try P.request("PUT", "/v1/merchants/shop-1", body: P.profile())).status == 201)
        #expect(await api.handle(try Self.post("shop-1", Self.record())).status == 201)
        let old = try #require(api.cardDataKeys?.current)
        api.cardDataKeys = CardDataKeyring(current: try CardDataKey.generate(), older: [old])
        let again = await api.handle(try Self.post("shop-1", Self.record()))
        #expect(try again.status == 409 && json(again)["type"] as? String == "/problems/duplicate-capture")
        // A key reserved for closes is not a caller's.
        #expect(await api.handle(try LedgerAPITests.post(try T.example("retail"), key: "close:cls_x:0:1")).status == 400)
        #expect(await api.handle(try P.request("GET", "/v1/merchants/shop-1/captures?after=cap_none")).status == 400)
    }
}
