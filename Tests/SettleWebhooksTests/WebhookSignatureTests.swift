import Foundation
import SettleWebhooks
import Testing

/// Signatures as Standard Webhooks defines them, checked against the specification's published
/// example and against OpenSSL's own `openssl dgst -mac HMAC` for random payloads.
@Suite struct WebhookSignatureTests {
    @Test func theSpecificationsExampleSignsAsPublished() throws {
        let secret = try #require(WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        let header = WebhookSignature.header(
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: Array(#"{"test": 2432232314}"#.utf8), secrets: [secret])
        #expect(header == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test(arguments: 1...5)
    func everySecretSignsAndOpenSSLAgrees(seed: Int) throws {
        let secrets = try [WebhookSecret.generate(), WebhookSecret.generate()].map { try #require(WebhookSecret($0)) }
        let body = Array("{\"n\":\(seed),\"text\":\"\(String(repeating: "é", count: seed * 37))\"}".utf8)
        let header = WebhookSignature.header(id: "evt_\(seed)", timestamp: 1_800_000_000 + Int64(seed), body: body, secrets: secrets)
        let expected = try secrets.map { "v1," + (try OpenSSLHMAC.base64(Array("evt_\(seed).\(1_800_000_000 + seed).".utf8) + body, key: $0.key)) }
        #expect(header == expected.joined(separator: " "))
    }

    @Test(arguments: ["", "whsec_", "whsec_not base64", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_AAAA"])
    func aMalformedSecretIsRefused(text: String) {
        #expect(WebhookSecret(text) == nil)
    }

    @Test func aSecretNeverPrints() throws {
        let secret = try #require(WebhookSecret(WebhookSecret.generate()))
        #expect("\(secret)" == "whsec_<redacted>")
        #expect(!"\([secret])".contains(Data(secret.key).base64EncodedString()))
    }
}

/// HMAC-SHA256 by the `openssl` command, an implementation apart from the service's.
enum OpenSSLHMAC {
    static func base64(_ message: [UInt8], key: [UInt8]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "openssl", "dgst", "-sha256", "-mac", "HMAC", "-macopt", "hexkey:" + key.map { String(format: "%02x", $0) }.joined(), "-binary",
        ]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(message))
        try input.fileHandleForWriting.close()
        let digest = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return digest.base64EncodedString()
    }
}
