import Foundation
import SettleSettings
import Testing

/// `tsys-settle send` against `tsys-settle simulate`, two processes over TLS on loopback.
@Suite(.serialized) struct SendCommandTests {
    func result(_ output: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    }

    @Test func aGoodBatchExitsZeroAndARepeatExitsThree() throws {
        let simulator = try SimulatorProcess()
        let first = try CLIRunner.run(["send", "examples/hotel.json"] + simulator.sendArguments)
        #expect(first.status == 0, "\(first.errors)")
        #expect(try result(first.output)["outcome"] as? String == "accepted")
        #expect(try result(first.output)["environment"] as? String == "custom")
        let second = try CLIRunner.run(["send", "examples/hotel.json"] + simulator.sendArguments)
        #expect(second.status == 3)
        #expect(try result(second.output)["responseCode"] as? String == "QD")
    }

    @Test func aRejectionExitsTwoAndNamesTheDetail() throws {
        let simulator = try SimulatorProcess(["--early-rejection-at", "2"])
        let sent = try CLIRunner.run(["send", "examples/retail.json"] + simulator.sendArguments)
        #expect(sent.status == 2)
        let rejection = try #require(try result(sent.output)["rejection"] as? [String: Any])
        #expect(rejection["recordType"] as? String == "D")
        #expect(rejection["detailRecordIndex"] as? Int == 1)
    }

    @Test func aLinkFailureExitsFourAndInDoubtExitsFive() throws {
        let early = try SimulatorProcess(["--disconnect-after", "1"])
        #expect(try CLIRunner.run(["send", "examples/retail.json"] + early.sendArguments).status == 4)
        let late = try SimulatorProcess(["--disconnect-after", "3"])
        let inDoubt = try CLIRunner.run(["send", "examples/retail.json"] + late.sendArguments)
        #expect(inDoubt.status == 5)
        #expect((try result(inDoubt.output)["failure"] as? [String: Any])?["inDoubt"] as? Bool == true)
    }

    @Test func withoutConfigurationABuiltInSimulatorAnswers() throws {
        let sent = try CLIRunner.run(["send", "examples/direct-marketing.json", "--trace"])
        #expect(sent.status == 0, "\(sent.errors)")
        #expect(try result(sent.output)["environment"] as? String == "simulator")
        // The trace shows every packet, and no card number in full.
        #expect(sent.errors.contains("<< <ENQ>"))
        #expect(sent.errors.contains("401288******1881"))
        #expect(!sent.errors.contains("4012888888881881"))
        #expect(!sent.output.contains("4012888888881881"))
    }

    @Test(arguments: ["ftp://proxy:21", "socks5://", "not a url", "socks5://ops:secret@proxy:1080"])
    func aMalformedProxyIsRefusedWithoutEchoingSecrets(proxy: String) throws {
        let sent = try CLIRunner.run(["send", "examples/retail.json", "--proxy", proxy])
        #expect(sent.status == 1)
        #expect(
            sent.errors.contains("TSYS_SETTLE_PROXY_PASSWORD") || sent.errors.contains("must look like socks5://host:1080")
                || sent.errors.contains("must be a URL such as socks5://host:1080"))
        #expect(!sent.errors.contains("secret"))
    }

    @Test func aProxyExceptionForTheSimulatorGoesDirect() throws {
        // Nothing listens on the proxy port, so only a direct connection can settle.
        let simulator = try SimulatorProcess()
        let sent = try CLIRunner.run(
            ["send", "examples/retail.json", "--proxy", "socks5://127.0.0.1:9", "--proxy-exceptions", "127.0.0.1"] + simulator.sendArguments)
        #expect(sent.status == 0, "\(sent.errors)")
        let proxied = try CLIRunner.run(["send", "examples/grocery.json", "--proxy", "socks5://127.0.0.1:9"] + simulator.sendArguments)
        #expect(proxied.status == 4)
        #expect((try result(proxied.output)["failure"] as? [String: Any])?["code"] as? Int == 10061)
    }

    @Test func verificationCanBeWeakenedOnlyExplicitlyAndSaysSo() throws {
        let simulator = try SimulatorProcess()
        let target = ["--processor", "custom", "--host", "127.0.0.1", "--port", String(simulator.port)]
        let refused = try CLIRunner.run(["send", "examples/retail.json"] + target)
        #expect(refused.status == 4)
        let pinned = try CLIRunner.run(
            ["send", "examples/retail.json", "--accept-server-certificate", simulator.certificate.path, "--trace"] + target)
        #expect(pinned.status == 0, "\(pinned.errors)")
        #expect(pinned.errors.contains("-- warning: only the configured certificate is trusted"))
        let other = try SimulatorProcess()  // a fresh host: the batch number is not a duplicate there
        let otherTarget = ["--processor", "custom", "--host", "127.0.0.1", "--port", String(other.port)]
        let unverified = try CLIRunner.run(["send", "examples/retail.json", "--insecure-skip-verify"] + otherTarget)
        #expect(unverified.status == 0, "\(unverified.errors)")
        #expect(unverified.errors.contains("certificate verification is turned off"))  // logged at the default warning level
    }

    @Test func linkTimersAreSettings() throws {
        let silent = try SimulatorProcess(["--no-enquiry"])
        let sent = try CLIRunner.run(["send", "examples/retail.json", "--enquiry-timeout", "1"] + silent.sendArguments)
        #expect(sent.status == 4)
        #expect((try result(sent.output)["failure"] as? [String: Any])?["code"] as? Int == 301)
        #expect(try CLIRunner.run(["send", "examples/retail.json", "--maximum-retransmissions", "99"]).status == 1)
    }

    @Test func httpPostSettlesThroughTheGateway() throws {
        let sent = try CLIRunner.run(["send", "examples/restaurant.json", "--http"])
        #expect(sent.status == 0, "\(sent.errors)")
        #expect(try result(sent.output)["responseCode"] as? String == "GB")
        let simulator = try SimulatorProcess(["--http"])
        let first = try CLIRunner.run(["send", "examples/restaurant.json", "--http"] + simulator.sendArguments)
        #expect(first.status == 0, "\(first.errors)")
        #expect(try CLIRunner.run(["send", "examples/restaurant.json", "--http"] + simulator.sendArguments).status == 3)
        // Level III cannot go through the gateway: refused before sending.
        let level3 = try CLIRunner.run(["send", "examples/level3.json", "--http"] + simulator.sendArguments)
        #expect(level3.status == 4)
        #expect((try result(level3.output)["failure"] as? [String: Any])?["code"] as? Int == 593)
    }

    /// Group 41's length reading is one setting that the client, its trace and the simulator share:
    /// a host set the other way cannot find the records after a detail extension.
    @Test(arguments: ["true", "false"])
    func theDetailExtensionLengthReadingIsOneSettingBothSidesShare(countsItself: String) throws {
        let path = "examples/payment-facilitator.json"
        let flag = ["--extension-length-counts-itself", countsItself]
        let builtIn = try CLIRunner.run(["send", path, "--trace"] + flag)
        #expect(builtIn.status == 0, "\(builtIn.errors)")
        for card in ["5555555555554444", "4111111111111111", "6011000990139424"] { #expect(!builtIn.errors.contains(card)) }
        #expect(builtIn.errors.contains("555555******4444") && builtIn.errors.contains("601100******9424"))
        let simulator = try SimulatorProcess(flag)
        let other = ["--extension-length-counts-itself", countsItself == "true" ? "false" : "true"]
        #expect(try CLIRunner.run(["send", path] + other + simulator.sendArguments).status == 2, "the host reads the records wrong: RB")
        #expect(try CLIRunner.run(["send", path] + flag + simulator.sendArguments).status == 0)
    }

    @Test func anUntrustedHostIsAFailureNotASettlement() throws {
        let simulator = try SimulatorProcess()
        let sent = try CLIRunner.run([
            "send", "examples/retail.json", "--processor", "custom", "--host", "127.0.0.1", "--port", String(simulator.port),
        ])
        #expect(sent.status == 4)
        #expect((try result(sent.output)["failure"] as? [String: Any])?["code"] as? Int == 275)
    }

    @Test func badInputExitsOneBeforeConnecting() throws {
        let sent = try CLIRunner.run(["send", "-", "--processor", "custom", "--host", "127.0.0.1", "--port", "9"], input: "{}")
        #expect(sent.status == 1)
    }
}

/// Every example settles against the built-in simulator over TLS, and through the HTTP POST
/// gateway unless it carries Level III line items, which the gateway's application type cannot.
@Suite struct ExampleSettlementTests {
    static let examples: [String] = {
        let directory = CLIRunner.root.appending(path: "examples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    @Test(arguments: examples)
    func exampleSettlesOverTLSAndHTTPPost(example: String) throws {
        let path = "examples/" + example
        let tls = try CLIRunner.run(["send", path])
        #expect(tls.status == 0, "\(example) over TLS: \(tls.errors)")
        #expect(tls.output.contains("\"responseCode\" : \"GB\""))
        let document = try String(contentsOf: CLIRunner.root.appending(path: path), encoding: .utf8)
        let post = try CLIRunner.run(["send", path, "--http"])
        if document.contains("\"lineItems\"") {
            #expect(post.status == 4, "Level III is refused before anything is sent")
        } else {
            #expect(post.status == 0, "\(example) over HTTP POST: \(post.errors)")
            #expect(post.output.contains("\"responseCode\" : \"GB\""))
        }
    }
}
