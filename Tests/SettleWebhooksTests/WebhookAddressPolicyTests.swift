import Foundation
import SettleWebhooks
import Testing

/// Webhook URLs and addresses: https only (http to loopback), no credentials, and no private,
/// link-local or reserved address unless private networks are allowed; refused at configuration.
@Suite struct WebhookAddressPolicyTests {
    @Test(arguments: ["https://hooks.example.com/tsys", "http://127.0.0.1:9000/hook", "http://localhost/hook", "https://[::1]:8443/x"])
    func theseURLsAreAccepted(text: String) throws {
        _ = try WebhookAddressPolicy().url(text)
    }

    @Test(arguments: [
        "http://hooks.example.com/tsys", "ftp://127.0.0.1/x", "https://user:secret@hooks.example.com/x", "not a url", "https:///path",
        "https://hooks.example.com/x#part",
    ])
    func theseURLsAreRefused(text: String) {
        #expect(throws: WebhookConfigurationError.self) { try WebhookAddressPolicy().url(text) }
    }

    @Test(arguments: [
        ("127.0.0.1", true), ("::1", true), ("93.184.215.14", true), ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", true),
        ("10.1.2.3", false), ("172.16.0.1", false), ("172.31.255.255", false), ("192.168.1.1", false), ("169.254.169.254", false),
        ("100.64.0.1", false), ("0.0.0.0", false), ("224.0.0.1", false), ("fd00::1", false), ("fe80::1", false), ("::", false),
        ("::ffff:10.0.0.1", false), ("::ffff:8.8.8.8", true), ("172.32.0.1", true), ("not an address", false),
        ("64:ff9b::a00:1", false), ("64:ff9b::808:808", true), ("64:ff9b:1::1", false), ("::a00:1", false), ("::ffff:0:a00:1", false),
        ("2002:a00:1::1", false), ("2002:808:808::1", true), ("2001:0:4136:e378::1", false), ("::ffff:127.0.0.1", true),
        ("64:ff9b::7f00:1", false), ("2002:7f00:1::1", false), ("::7f00:1", false), ("fec0::1", false),
    ])
    func addressesInPrivateOrReservedRangesAreRefused(address: String, allowed: Bool) {
        #expect(WebhookAddressPolicy().allows(address) == allowed)
    }

    @Test func privateNetworksCanBeAllowedButReservedRangesNever() {
        let policy = WebhookAddressPolicy(allowsPrivateNetworks: true)
        #expect(policy.allows("10.1.2.3") && policy.allows("192.168.1.1") && policy.allows("fd00::1"))
        #expect(!policy.allows("169.254.169.254") && !policy.allows("0.0.0.0"))
    }

    @Test func aHostIsCheckedByWhatItResolvesTo() throws {
        #expect(try WebhookAddressPolicy().addresses(of: "127.0.0.1", port: 80) == ["127.0.0.1"])
        #expect(throws: WebhookConfigurationError.self) { try WebhookAddressPolicy().addresses(of: "10.0.0.7", port: 443) }
        #expect(try WebhookAddressPolicy(allowsPrivateNetworks: true).addresses(of: "10.0.0.7", port: 443) == ["10.0.0.7"])
        #expect(throws: WebhookConfigurationError.self) { try WebhookAddressPolicy().addresses(of: "no-such-host.invalid", port: 443) }
    }
}
