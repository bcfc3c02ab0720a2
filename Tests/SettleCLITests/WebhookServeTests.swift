import Foundation
import SettleTestSupport
import Synchronization
import Testing

/// Webhooks from `serve` as a receiver sees them: a receiver written in Python (its own HTTP
/// server and its own HMAC, apart from ours) checks every signature; asynchronous settlements'
/// events arrive once each, and deliveries pending when `serve` is killed arrive after restart.
@Suite(.serialized) struct WebhookServeTests {
    static let secret = "whsec_" + Data((0..<32).map { UInt8($0 * 7 % 256) }).base64EncodedString()

    /// The receiver: answers 503 while `failing` exists, 204 otherwise; logs one JSON line per request.
    static let receiverScript = #"""
        import base64, hashlib, hmac, http.server, json, os, sys
        secret = base64.b64decode(os.environ["SECRET"][len("whsec_"):])
        log, failing = open(sys.argv[1], "a", buffering=1), sys.argv[2]
        class Receiver(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                message, timestamp = self.headers["webhook-id"], self.headers["webhook-timestamp"]
                signed = f"{message}.{timestamp}.".encode() + body
                expected = "v1," + base64.b64encode(hmac.new(secret, signed, hashlib.sha256).digest()).decode()
                verified = expected in self.headers["webhook-signature"].split(" ")
                status = 503 if os.path.exists(failing) else 204
                event = json.loads(body)
                log.write(json.dumps({"id": message, "type": event["type"], "settlement": event["data"]["id"],
                                      "sequence": event["sequence"], "verified": verified, "status": status}) + "\n")
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()
            def log_message(self, *arguments):
                pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """#

    struct Receiver {
        let process: Process
        let port: Int

        /// SIGKILL: the test process may ignore SIGTERM (a signal handler of the service's), and
        /// an ignored signal stays ignored in a child.
        func stop() { kill(process.processIdentifier, SIGKILL) }
        let log: URL
        let failing: URL

        var deliveries: [[String: Any]] {
            ((try? String(contentsOf: log, encoding: .utf8)) ?? "").split(separator: "\n").compactMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            }
        }

        func fail(_ on: Bool) {
            if on {
                _ = FileManager.default.createFile(atPath: failing.path, contents: Data())
            } else {
                try? FileManager.default.removeItem(at: failing)
            }
        }
    }

    func receiver(failing: Bool = false) throws -> Receiver {
        let directory = Scratch.url("receiver")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let script = directory.appendingPathComponent("receiver.py")
        try Self.receiverScript.write(to: script, atomically: true, encoding: .utf8)
        let log = directory.appendingPathComponent("deliveries.jsonl"), flag = directory.appendingPathComponent("failing")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, log.path, flag.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["SECRET": Self.secret]) { $1 }
        let output = Pipe()
        process.standardOutput = output
        // Not the test process's own stderr: a receiver left behind must not hold the test runner's pipe.
        process.standardError = FileHandle.nullDevice
        try process.run()
        let line = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        let port = try #require(Int(line.trimmingCharacters(in: .whitespacesAndNewlines)))
        let receiver = Receiver(process: process, port: port, log: log, failing: flag)
        receiver.fail(failing)
        return receiver
    }

    func serve(_ receiver: Receiver, data: String) throws -> (Process, Int) {
        try ServeCommandTests().start(
            ["--webhook-url", "http://127.0.0.1:\(receiver.port)/hook"], data: data, environment: ["TSYS_SETTLE_WEBHOOK_SECRET": Self.secret])
    }

    /// Posts batch `number` asynchronously; returns its settlement's id.
    func settleAsync(_ port: Int, batch number: Int, terminal: Int = 1515) throws -> String {
        let body = try String(contentsOf: CLIRunner.root.appendingPathComponent("examples/retail.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"batchNumber\": 7,", with: "\"batchNumber\": \(number),")
            .replacingOccurrences(of: "\"terminalNumber\": \"1515\"", with: "\"terminalNumber\": \"\(terminal)\"")
        let (status, record, headers) = try ServeCommandTests().post(
            port, "/v1/settlements", Data(body.utf8), key: "async-\(terminal)-\(number)", headers: ["Prefer": "respond-async"])
        #expect(status == 202 && headers["Preference-Applied"] as? String == "respond-async")
        return try #require(record["id"] as? String)
    }

    func wait(_ condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(60)
        while !condition() && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    }

    @Test func everyAsynchronousSettlementsEventArrivesOnceSigned() throws {
        let receiver = try receiver()
        defer { receiver.stop() }
        let data = Scratch.url("serve-webhooks").path
        let (serve, port) = try serve(receiver, data: data)
        defer { if serve.isRunning { kill(serve.processIdentifier, SIGKILL) } }
        // A hundred at once, each on a terminal of its own: every one is answered 202 at once.
        let answers = Mutex<[Int: String]>([:])
        DispatchQueue.concurrentPerform(iterations: 100) { index in
            if let id = try? settleAsync(port, batch: 1, terminal: 2000 + index) { answers.withLock { $0[index] = id } }
        }
        let settlements = answers.withLock { Array($0.values) }
        #expect(settlements.count == 100 && Set(settlements).count == 100)
        wait { receiver.deliveries.count >= 100 }
        Thread.sleep(forTimeInterval: 1.5)  // a pass more: nothing else arrives
        let deliveries = receiver.deliveries
        #expect(deliveries.count == 100)
        #expect(deliveries.allSatisfy { $0["verified"] as? Bool == true && $0["type"] as? String == "settlement.accepted" })
        #expect(Set(deliveries.compactMap { $0["settlement"] as? String }) == Set(settlements))
        #expect(Set(deliveries.compactMap { $0["id"] as? String }).count == 100)
        // The pull side lists the same events.
        let (_, page, _) = try ServeCommandTests().post(port, "/v1/events?limit=100", nil, method: "GET")
        let listed = (page["events"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(Set(listed) == Set(deliveries.compactMap { $0["id"] as? String }))
        // The deliveries in the metrics.
        let metrics = try String(contentsOf: URL(string: "http://127.0.0.1:\(port)/metrics")!, encoding: .utf8)
        #expect(metrics.contains(#"tsys_settle_webhook_deliveries_total{result="delivered"} 100"#), "\(metrics)")
        #expect(metrics.contains("tsys_settle_webhook_outbox_pending"))
        #expect(metrics.contains("tsys_settle_settlements_asynchronous_total 100"))
        // The day's report from the command line: every settlement balanced with the host's totals.
        let (_, first, _) = try ServeCommandTests().post(port, "/v1/settlements/\(settlements[0])", nil, method: "GET")
        let date = try #require(first["batchDate"] as? String)
        let report = try CLIRunner.run(["report", "--date", date, "--data-dir", data])
        #expect(report.status == 0, "\(report.errors)")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(report.output.utf8)) as? [String: Any])
        #expect(parsed["balanced"] as? Bool == true && (parsed["settlements"] as? [Any])?.count == 100)
        let csv = try CLIRunner.run(["report", "--date", date, "--data-dir", data, "--csv"])
        #expect(csv.output.hasPrefix("settlement,merchant") && csv.output.split(separator: "\r\n").count > 100)
        kill(serve.processIdentifier, SIGTERM)
        serve.waitUntilExit()
        #expect(serve.terminationStatus == 0)
    }

    @Test func deliveriesPendingWhenServeIsKilledArriveAfterItRestarts() throws {
        let receiver = try receiver(failing: true)
        defer { receiver.stop() }
        let data = Scratch.url("serve-webhooks-restart").path
        let (first, port) = try serve(receiver, data: data)
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
        let settlements = try (1...3).map { try settleAsync(port, batch: $0) }
        wait { Set(receiver.deliveries.compactMap { $0["settlement"] as? String }).count >= 3 }
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        receiver.fail(false)
        let (second, _) = try serve(receiver, data: data)
        defer { if second.isRunning { kill(second.processIdentifier, SIGKILL) } }
        wait { receiver.deliveries.filter { $0["status"] as? Int == 204 }.count >= 3 }
        let delivered = receiver.deliveries.filter { $0["status"] as? Int == 204 }
        #expect(delivered.count == 3)
        #expect(Set(delivered.compactMap { $0["settlement"] as? String }) == Set(settlements))
        #expect(receiver.deliveries.allSatisfy { $0["verified"] as? Bool == true })
        // The log from the command line, while serve runs; one delivery asked for again.
        let listed = try CLIRunner.run(["webhooks", "list", "--data-dir", data, "--json"])
        #expect(listed.status == 0, "\(listed.errors)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [String: Any])
        let entries = try #require(log["deliveries"] as? [[String: Any]])
        #expect(entries.count == 3 && entries.allSatisfy { $0["state"] as? String == "delivered" && ($0["attempts"] as? Int ?? 0) >= 2 })
        let chosen = try #require(entries.first)
        let redelivered = try CLIRunner.run(["webhooks", "redeliver", try #require(chosen["id"] as? String), "--data-dir", data])
        #expect(redelivered.status == 0, "\(redelivered.errors)")
        wait { receiver.deliveries.filter { $0["status"] as? Int == 204 }.count >= 4 }
        #expect(receiver.deliveries.filter { $0["status"] as? Int == 204 && $0["id"] as? String == chosen["eventId"] as? String }.count == 2)
        kill(second.processIdentifier, SIGTERM)
        second.waitUntilExit()
    }

    /// SIGTERM while settlements answered 202 are still with a slow host: serve stops only after
    /// every one of them ended, its ending and event recorded, and the webhooks went out.
    @Test func aGracefulStopFinishesTheSettlementsAnswered202() throws {
        let simulator = try SimulatorProcess(["--processing-delay", "2"])
        let receiver = try receiver()
        defer { receiver.stop() }
        let data = Scratch.url("serve-drain").path
        let (serve, port) = try ServeCommandTests().start(
            simulator.sendArguments + ["--webhook-url", "http://127.0.0.1:\(receiver.port)/hook"], data: data,
            environment: ["TSYS_SETTLE_WEBHOOK_SECRET": Self.secret]
        ) { _ in }
        defer { if serve.isRunning { kill(serve.processIdentifier, SIGKILL) } }
        let settlements = try (1...3).map { try settleAsync(port, batch: $0) }
        kill(serve.processIdentifier, SIGTERM)
        serve.waitUntilExit()
        #expect(serve.terminationStatus == 0)
        let listed = try CLIRunner.run(["settlements", "list", "--data-dir", data, "--json"])
        let page = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [String: Any])
        let states = (page["settlements"] as? [[String: Any]] ?? []).reduce(into: [String: String]()) {
            $0[$1["id"] as? String ?? ""] = $1["state"] as? String
        }
        #expect(settlements.allSatisfy { states[$0] == "accepted" }, "\(states)")
        let delivered = Set(receiver.deliveries.filter { $0["status"] as? Int == 204 }.compactMap { $0["settlement"] as? String })
        #expect(delivered == Set(settlements))
    }

    @Test func aNewSecretIsThirtyTwoRandomBytes() throws {
        let first = try CLIRunner.run(["webhooks", "secret"]), second = try CLIRunner.run(["webhooks", "secret"])
        let text = first.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text.hasPrefix("whsec_") && Data(base64Encoded: String(text.dropFirst(6)))?.count == 32)
        #expect(text != second.output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test(arguments: [
        (["--webhook-url", "https://10.1.2.3/hook"], "private"), (["--webhook-url", "http://hooks.example.com/x"], "https"),
        (["--webhook-url", "https://169.254.169.254/latest"], "private or reserved"),
        (["--webhook-url", "http://127.0.0.1:9/x", "--webhook-events", "settlement.paid"], "not an event type"),
    ])
    func aWebhookThatMayNotBeUsedIsRefusedAtStart(arguments: [String], reason: String) throws {
        let result = try CLIRunner.run(
            ["serve", "--listen-port", "0", "--data-dir", Scratch.url("refused").path] + arguments,
            environment: CLIRunner.sampleIds.merging(["TSYS_SETTLE_WEBHOOK_SECRET": Self.secret]) { $1 })
        #expect(result.status != 0)
        #expect(result.errors.contains(reason), "\(result.errors)")
        #expect(!result.errors.contains(String(Self.secret.dropFirst(6))))
    }

    @Test func aWebhookWithoutASecretIsRefusedAtStart() throws {
        let result = try CLIRunner.run([
            "serve", "--listen-port", "0", "--data-dir", Scratch.url("refused").path, "--webhook-url", "http://127.0.0.1:9/x",
        ])
        #expect(result.status != 0)
        #expect(result.errors.contains("TSYS_SETTLE_WEBHOOK_SECRET"))
    }
}
