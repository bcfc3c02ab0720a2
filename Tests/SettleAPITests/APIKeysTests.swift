import Foundation
import SettleAPI
import SettleDTO
import SettleHTTP
import SettleModel
import SettleService
import SettleSimulator
import Testing

/// API keys: held as SHA-256 hashes, sent as bearer tokens, required on every route but health.
@Suite struct APIKeysTests {

    static func hex(_ key: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try? process.run()
        input.fileHandleForWriting.write(Data(key.utf8))
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return String(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).prefix(64))
    }

    @Test func aKeyMatchesTheHashSha256sumPrints() throws {
        let keys = try #require(APIKeys(hexHashes: [Self.hex("s3cret-key"), Self.hex("other").uppercased()]))
        #expect(keys.authorizes("Bearer s3cret-key"))
        #expect(keys.authorizes("bearer other"))
        #expect(!keys.authorizes("Bearer s3cret-kex"))
        #expect(!keys.authorizes("s3cret-key"))
        #expect(!keys.authorizes("Basic s3cret-key"))
        #expect(!keys.authorizes(nil))
        #expect(!keys.authorizes("Bearer "))
    }

    @Test func malformedHashesAreRefused() {
        #expect(APIKeys(hexHashes: ["s3cret-key"]) == nil)
        #expect(APIKeys(hexHashes: [String(repeating: "g", count: 64)]) == nil)
        #expect(APIKeys(hexHashes: [])?.isEmpty == true)
    }

    @Test func routesButHealthNeedAKey() async throws {
        let server = try SimulatorServer(judge: BatchJudge(today: SettlementAPITests.today))
        defer { server.stop() }
        let api = SettlementAPI(
            defaults: SettlementDefaults(developerId: "003318", applicationId: "A001"), clock: .fixed(SettlementAPITests.today),
            settler: Settler(endpoint: .simulator, simulator: (server.port, server.certificatePEM)),
            keys: try #require(APIKeys(hexHashes: [Self.hex("s3cret-key")])))
        let body = try SettlementAPITests.example("retail")
        let refused = await api.handle(try SettlementAPITests.request("POST", "/v1/settlements", body: body))
        #expect(refused.status == 401)
        #expect(refused.headers["www-authenticate"] == "Bearer")
        #expect(await api.handle(try SettlementAPITests.request("GET", "/unknown")).status == 401)
        #expect(await api.handle(try SettlementAPITests.request("GET", "/healthz")).status == 200)
        server.waitUntilIdle()
        #expect(server.transcripts.isEmpty)
        var authorized = try SettlementAPITests.request("POST", "/v1/settlements", body: body)
        authorized.head.headers.append("Authorization", "Bearer s3cret-key")
        #expect(await api.handle(authorized).status == 200)
    }
}

/// The `Idempotency-Key` header's two forms, and keys scoped to their client.
@Suite struct IdempotencyKeyFormTests {
    @Test func aClientIsNamedByItsKeysHashNeverByTheKey() throws {
        let keys = try #require(APIKeys(hexHashes: [APIKeysTests.hex("client-a-secret")]))
        let client = try #require(keys.client("Bearer client-a-secret"))
        #expect(client == String(APIKeysTests.hex("client-a-secret").prefix(16)))
        #expect(keys.client("Bearer someone-else") == nil)
        #expect(keys.client(nil) == nil)
    }
}

extension APIKeysTests {
    @Test func aKeyMayBeScopedToMerchantProfiles() throws {
        let keys = try #require(APIKeys(hexHashes: [Self.hex("a"), Self.hex("b") + "@shop-1+shop_2"]))
        #expect(keys.caller("Bearer a")?.merchants == nil)
        #expect(keys.caller("Bearer b")?.merchants == ["shop-1", "shop_2"])
        #expect(keys.caller("Bearer b")?.sees(merchant: "shop-1") == true && keys.caller("Bearer b")?.sees(merchant: "shop-3") == false)
        #expect(keys.caller("Bearer c") == nil)
        #expect(keys.client("Bearer a") != keys.client("Bearer b"))
        for bad in ["@", "@shop-1+", "@shop 1", "@shop/1", "@" + String(repeating: "x", count: 65)] {
            #expect(APIKeys(hexHashes: [Self.hex("b") + bad]) == nil, "\(bad)")
        }
        #expect(APIKeys(hexHashes: [])?.caller(nil) == .open)
    }
}
