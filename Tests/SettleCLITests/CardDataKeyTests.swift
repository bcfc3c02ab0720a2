import Foundation
import SettleTestSupport
import Testing

/// Card data keys as an operator meets them: made by `keys new`, kept in a 0600 file or the
/// environment, checked at start against what the ledger holds (a wrong key refuses to start,
/// naming the key that is missing and never printing one), rotated by `keys rotate`.
@Suite(.serialized) struct CardDataKeyTests {
    let serve = ServeCommandTests()

    static let profile = Data(
        """
        {"industryType": "retail",
         "merchant": {"bankId": "999995", "agentChainNumber": "111111", "number": "888000002200", "storeNumber": "5999",
           "terminalNumber": "1515", "categoryCode": "5999", "name": "TEST MERCHANT", "state": "CA", "zip": "90210",
           "timeZone": "708", "city": "BEVERLY HILLS"},
         "cutoff": {"timeZone": "America/New_York", "times": ["23:00"]}}
        """.utf8)

    static let capture = Data(
        """
        {"transactionType": "cardPresent", "cardNumber": "4111111111111111", "settlementAmount": 2500, "authorizedAmount": 2500,
         "transactionDate": "2026-11-25", "transactionTime": "18:30:05", "transactionNumber": 1, "approvalCode": "A1B2C3",
         "authorizationSource": "5", "responseACI": "E", "responseCode": "00", "transactionId": "305123456789012",
         "validationCode": "X1Y2", "posDataCode": "D2010100000Z", "accountDataSource": "D", "cardholderId": "@"}
        """.utf8)

    /// The id `tsys-settle` gives a key: the first 8 hex digits of its SHA-256 (worked out apart, by Python).
    static func id(of key: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", "import hashlib,sys; print(hashlib.sha256(bytes.fromhex(sys.argv[1])).hexdigest()[:8])", key]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        process.waitUntilExit()
        return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func newKey() throws -> String {
        let made = try CLIRunner.run(["keys", "new"])
        #expect(made.status == 0)
        let key = made.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(key.count == 64 && key.allSatisfy(\.isHexDigit))
        return key
    }

    func stop(_ process: Process) {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }

    /// Starts serve with `keys`, captures one card for shop-1, stops.
    func captureOne(data: String, keys: String) throws {
        let (process, port) = try serve.start(data: data, environment: ["TSYS_SETTLE_CARD_DATA_KEY": keys])
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        #expect(try serve.post(port, "/v1/merchants/shop-1", Self.profile, method: "PUT").0 == 201)
        #expect(try serve.post(port, "/v1/merchants/shop-1/captures", Self.capture).0 == 201)
        stop(process)
    }

    @Test func aWrongKeyRefusesToStartAndRotationMovesEveryNumberToTheNewKey() throws {
        let data = Scratch.url("card-keys").path
        let old = try newKey(), new = try newKey()
        try captureOne(data: data, keys: old)

        let refused = try CLIRunner.run(
            ["serve", "--listen-port", "0", "--data-dir", data], environment: CLIRunner.sampleIds.merging(["TSYS_SETTLE_CARD_DATA_KEY": new]) { $1 },
            timeout: 20)
        #expect(refused.status != 0 && refused.status != -1, "serve must refuse, not run")
        #expect(refused.errors.contains("sealed under card data key \(try Self.id(of: old))"), "\(refused.errors)")
        #expect(refused.errors.contains(try Self.id(of: new)))
        #expect(!refused.errors.contains(old) && !refused.errors.contains(new), "a key never prints")

        // The new key first and the old after it: serve starts; rotation seals the number again.
        let both = "\(new) \(old)"
        let (process, _) = try serve.start(data: data, environment: ["TSYS_SETTLE_CARD_DATA_KEY": both])
        stop(process)
        let environment = CLIRunner.sampleIds.merging(["TSYS_SETTLE_CARD_DATA_KEY": both]) { $1 }
        let rotated = try CLIRunner.run(["keys", "rotate", "--data-dir", data], environment: environment)
        #expect(rotated.status == 0, "\(rotated.errors)")
        #expect(rotated.output.contains("sealed 1 card number again under card data key \(try Self.id(of: new))"))
        let again = try CLIRunner.run(["keys", "rotate", "--data-dir", data], environment: environment)
        #expect(again.output.contains("sealed 0 card numbers"))
        // Now the new key alone opens everything.
        let (alone, port) = try serve.start(data: data, environment: ["TSYS_SETTLE_CARD_DATA_KEY": new])
        defer { if alone.isRunning { kill(alone.processIdentifier, SIGKILL) } }
        let (status, listed, _) = try serve.post(port, "/v1/merchants/shop-1/captures?state=open", nil, method: "GET")
        #expect(status == 200 && (listed["captures"] as? [Any])?.count == 1)
        // And the capture captured under the old key settles.
        let (closing, close, _) = try serve.post(port, "/v1/merchants/shop-1/close", nil)
        #expect(closing == 202)
        let closeID = try #require(close["id"] as? String)
        var state = ""
        for _ in 0..<200 where state != "settled" && state != "held" {
            state = try serve.post(port, "/v1/merchants/shop-1/closes/\(closeID)", nil, method: "GET").1["state"] as? String ?? ""
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(state == "settled")
        stop(alone)
    }

    @Test func withoutConfigurationAKeyFileIsMadeForOneProcessAndAReadableOneIsRefused() throws {
        let data = Scratch.url("card-key-file").path
        let (process, port) = try serve.start(data: data)
        #expect(try serve.post(port, "/v1/merchants/shop-1", Self.profile, method: "PUT").0 == 201)
        #expect(try serve.post(port, "/v1/merchants/shop-1/captures", Self.capture).0 == 201)
        stop(process)
        let path = (data as NSString).appendingPathComponent("card-data.key")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        let refused = try CLIRunner.run(["serve", "--listen-port", "0", "--data-dir", data], timeout: 20)
        #expect(refused.status != 0 && refused.status != -1)
        #expect(refused.errors.contains("chmod 600 \(path)"), "\(refused.errors)")
        // Both the variable and a file: which one is meant is not guessed.
        let both = try CLIRunner.run(
            ["serve", "--listen-port", "0", "--data-dir", data, "--card-data-key-file", path],
            environment: CLIRunner.sampleIds.merging(["TSYS_SETTLE_CARD_DATA_KEY": try newKey()]) { $1 }, timeout: 20)
        #expect(both.status != 0 && both.errors.contains("not both"))
    }
}
