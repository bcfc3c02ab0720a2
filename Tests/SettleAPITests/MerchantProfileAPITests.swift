import Foundation
import SettleAPI
import SettleDTO
import SettleHTTP
import SettleLedger
import SettleModel
import SettleSimulator
import SettleTestSupport
import Testing

/// `/v1/merchants`: profiles are put, read, replaced under their ETag, listed and deleted; a bad
/// profile is refused with every problem and nothing stored; a key scoped to merchants sees its
/// merchants only.
@Suite(.serialized) struct MerchantProfileAPITests {
    typealias T = SettlementAPITests
    /// 2026-11-28 12:00 UTC, 07:00 in New York.
    static let now = Date(timeIntervalSince1970: 1_795_867_200)

    static func profile(number: String = "888000002200", zone: String = "America/New_York", times: String = #"["23:00"]"#) -> String {
        """
        {"industryType": "retail",
         "merchant": {"bankId": "999995", "agentChainNumber": "111111", "number": "\(number)", "storeNumber": "5999",
           "terminalNumber": "1515", "categoryCode": "5999", "name": "TEST MERCHANT", "state": "CA", "zip": "90210",
           "timeZone": "708", "city": "BEVERLY HILLS"},
         "cutoff": {"timeZone": "\(zone)", "times": \(times), "days": "every"}}
        """
    }

    func api(_ simulator: SimulatorServer, keys: APIKeys? = nil) throws -> SettlementAPI {
        var api = LedgerAPITests().api(simulator, try LedgerAPITests.ledger())
        api.clock = SettlementClock(today: { T.today }, now: { Self.now })
        if let keys { api.keys = keys }
        return api
    }

    static func request(_ method: String, _ path: String, body: String = "", key: String? = nil, ifMatch: String? = nil) throws -> HTTPRequest {
        var request = try T.request(method, path, body: body)
        if let key { request.head.headers.append("Authorization", "Bearer \(key)") }
        if let ifMatch { request.head.headers.append("If-Match", ifMatch) }
        return request
    }

    func json(_ response: HTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any])
    }

    @Test func aProfileIsCreatedReadReplacedUnderItsETagAndDeleted() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let api = try api(simulator)
        let created = await api.handle(try Self.request("PUT", "/v1/merchants/shop-1", body: Self.profile()))
        #expect(created.status == 201)
        #expect(created.headers["location"] == "/v1/merchants/shop-1" && created.headers["etag"] == "\"1\"")
        let body = try json(created)
        // 23:00 in New York on 28 November, with its offset.
        #expect(body["nextCutoff"] as? String == "2026-11-28T23:00:00-05:00")
        #expect(body["id"] as? String == "shop-1" && body["version"] as? Int == 1)
        let profile = try #require(body["profile"] as? [String: Any])
        #expect((profile["merchant"] as? [String: Any])?["number"] as? String == "888000002200")
        #expect((profile["cutoff"] as? [String: Any])?["timeZone"] as? String == "America/New_York")

        let read = await api.handle(try Self.request("GET", "/v1/merchants/shop-1"))
        #expect(read.status == 200 && read.headers["etag"] == "\"1\"" && read.body == created.body)

        // What GET gave, put back in another zone under its ETag.
        let berlin = Self.profile(zone: "Europe/Berlin", times: #"["22:00", "06:30"]"#)
        let replaced = await api.handle(try Self.request("PUT", "/v1/merchants/shop-1", body: berlin, ifMatch: "\"1\""))
        #expect(replaced.status == 200 && replaced.headers["etag"] == "\"2\"")
        #expect(try try json(replaced)["nextCutoff"] as? String == "2026-11-28T22:00:00+01:00")
        let stale = await api.handle(try Self.request("PUT", "/v1/merchants/shop-1", body: berlin, ifMatch: "\"1\""))
        #expect(try stale.status == 412 && (json(stale)["type"] as? String) == "/problems/version-mismatch")
        #expect(await api.handle(try Self.request("PUT", "/v1/merchants/shop-1", body: berlin, ifMatch: "W/1")).status == 400)

        #expect(await api.handle(try Self.request("DELETE", "/v1/merchants/shop-1", ifMatch: "\"1\"")).status == 412)
        #expect(await api.handle(try Self.request("DELETE", "/v1/merchants/shop-1", ifMatch: "\"2\"")).status == 204)
        let gone = await api.handle(try Self.request("GET", "/v1/merchants/shop-1"))
        #expect(try gone.status == 404 && (json(gone)["type"] as? String) == "/problems/merchant-not-found")
        #expect(await api.handle(try Self.request("DELETE", "/v1/merchants/shop-1")).status == 404)
    }

    @Test func aBadProfileIsRefusedWithEveryProblemAndNothingIsStored() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let api = try api(simulator)
        let bad = Self.profile(number: "88800000220X", zone: "Mars/Olympus_Mons", times: #"["23:00", "24:00", "9:30"]"#)
            .replacingOccurrences(of: #""days": "every""#, with: #""days": "weekdays", "skip": ["2026-02-30"], "cvv": "123""#)
        let response = await api.handle(try Self.request("PUT", "/v1/merchants/shop-1", body: bad))
        #expect(response.status == 400)
        let problems = try #require(try json(response)["problems"] as? [[String: Any]])
        let pointers = Set(problems.compactMap { $0["pointer"] as? String })
        #expect(
            pointers == [
                "/merchant/number", "/cutoff/timeZone", "/cutoff/times/1", "/cutoff/times/2", "/cutoff/days", "/cutoff/skip/0", "/cutoff/cvv",
            ], "\(problems)")
        #expect(await api.handle(try Self.request("GET", "/v1/merchants/shop-1")).status == 404)
        let noCutoff = await api.handle(try Self.request("PUT", "/v1/merchants/shop-1", body: #"{"industryType": "retail"}"#))
        let missing = Set(try #require(try json(noCutoff)["problems"] as? [[String: Any]]).compactMap { $0["pointer"] as? String })
        #expect(missing.isSuperset(of: ["/merchant", "/cutoff"]))
        let text = try Self.request("PUT", "/v1/merchants/shop-1", body: Self.profile())
        var plain = text
        plain.head.headers = HTTPHeaders([("Host", "localhost"), ("Content-Type", "text/plain")])
        #expect(await api.handle(plain).status == 415)
        #expect(await api.handle(try Self.request("PUT", "/v1/merchants/bad%20id", body: Self.profile())).status == 404)
    }

    @Test func profilesAreListedInIdOrderAPageAtATime() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let api = try api(simulator)
        for id in ["c", "a", "b"] { #expect(await api.handle(try Self.request("PUT", "/v1/merchants/\(id)", body: Self.profile())).status == 201) }
        let first = try json(await api.handle(try Self.request("GET", "/v1/merchants?limit=2")))
        #expect((first["merchants"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["a", "b"])
        #expect(first["nextAfter"] as? String == "b")
        let second = try json(await api.handle(try Self.request("GET", "/v1/merchants?limit=2&after=b")))
        #expect((second["merchants"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["c"] && second["nextAfter"] == nil)
        #expect(await api.handle(try Self.request("GET", "/v1/merchants?limit=0")).status == 400)
        #expect(await api.handle(try Self.request("GET", "/v1/merchants?cursor=x")).status == 400)
    }

    @Test func aKeyScopedToMerchantsSeesAndActsOnItsMerchantsOnly() async throws {
        let simulator = try SimulatorServer(judge: BatchJudge(today: T.today))
        defer { simulator.stop() }
        let keys = try #require(APIKeys(hexHashes: [APIKeysTests.hex("admin-key"), APIKeysTests.hex("shop-a-key") + "@shop-a+shop-c"]))
        let api = try api(simulator, keys: keys)
        for id in ["shop-a", "shop-b"] {
            #expect(await api.handle(try Self.request("PUT", "/v1/merchants/\(id)", body: Self.profile(), key: "admin-key")).status == 201)
        }
        let listed = try json(await api.handle(try Self.request("GET", "/v1/merchants", key: "shop-a-key")))
        #expect((listed["merchants"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["shop-a"])
        #expect(await api.handle(try Self.request("GET", "/v1/merchants/shop-a", key: "shop-a-key")).status == 200)
        // Another merchant's profile does not exist, as far as this key can tell, whatever is done to it.
        for method in ["GET", "PUT", "DELETE"] {
            let response = await api.handle(try Self.request(method, "/v1/merchants/shop-b", body: Self.profile(), key: "shop-a-key"))
            #expect(response.status == 404, "\(method)")
        }
        #expect(await api.handle(try Self.request("GET", "/v1/merchants/shop-b", key: "admin-key")).status == 200)
        // Its own merchants' profiles it may create.
        #expect(await api.handle(try Self.request("PUT", "/v1/merchants/shop-c", body: Self.profile(), key: "shop-a-key")).status == 201)
        // Every route outside its merchants is closed to it.
        for (method, path) in [("GET", "/v1/settlements"), ("POST", "/v1/settlements"), ("GET", "/v1/events"), ("GET", "/metrics")] {
            let response = await api.handle(try Self.request(method, path, body: "{}", key: "shop-a-key"))
            #expect(try response.status == 403 && (json(response)["type"] as? String) == "/problems/key-scoped-to-merchants", "\(path)")
        }
        #expect(await api.handle(try Self.request("GET", "/v1/merchants", key: "wrong")).status == 401)
    }
}
