import Foundation
import SettleSettings
import SettleTestSupport
import Synchronization
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `tsys-settle serve` as a user runs it: no configuration, the built-in simulator, real HTTP.
@Suite(.serialized) struct ServeCommandTests {
    /// Starts `serve` on a free port and returns the process, its port and its stderr pipe.
    func start(
        _ arguments: [String] = [], data: String? = nil, environment extra: [String: String] = [:], banner: ((String) -> Void)? = nil
    ) throws -> (Process, Int) {
        let process = Process()
        process.executableURL = CLIRunner.binary
        let data = data ?? Scratch.url("serve-data").path
        process.arguments = ["serve", "--listen-port", "0", "--data-dir", data] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment.merge(CLIRunner.sampleIds) { $1 }
        environment.merge(extra) { $1 }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(10)
        // Recovery notes may come first; the banner line names the port.
        while !(text.contains("listening on") && text.hasSuffix("\n")) && Date() < deadline && process.isRunning {
            text += String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
        }
        if let banner {
            banner(text)
        } else {
            #expect(text.contains("built-in TSYS host simulator"))
            #expect(text.contains("environment simulator"))
        }
        guard let range = text.range(of: "http://127.0.0.1:") ?? text.range(of: "https://127.0.0.1:"),
            let port = Int(text[range.upperBound...].prefix { $0.isNumber })
        else {
            process.terminate()
            throw CocoaError(.fileReadUnknown)
        }
        return (process, port)
    }

    func post(
        _ port: Int, _ path: String, _ body: Data?, key: String? = nil, method: String = "POST", headers: [String: String] = [:]
    ) throws -> (Int, [String: Any], [AnyHashable: Any]) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = method
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        if let key { request.setValue(key, forHTTPHeaderField: "Idempotency-Key") }
        request.httpBody = body
        let result = Mutex<(Int, Data, [AnyHashable: Any])?>(nil)
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, _ in
            let http = response as? HTTPURLResponse
            result.withLock { $0 = (http?.statusCode ?? 0, data ?? Data(), http?.allHeaderFields ?? [:]) }
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + 30)
        let (status, data, headers) = result.withLock { $0 } ?? (0, Data(), [:])
        return (status, (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:], headers)
    }

    @Test func serveSettlesOfflineAndStopsOnSIGTERM() throws {
        let (process, port) = try start()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let document = try Data(contentsOf: CLIRunner.root.appendingPathComponent("examples/grocery.json"))
        let (status, result, _) = try post(port, "/v1/settlements", document)
        #expect(status == 200)
        #expect(result["responseCode"] as? String == "GB")
        #expect(result["environment"] as? String == "simulator")
        #expect(try post(port, "/v1/settlements", document).0 == 409)
        #expect(try post(port, "/v1/settlements/validate", document).0 == 200)
        kill(process.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 0)
    }

    /// Two `serve` processes on one PostgreSQL ledger, as two replicas: a batch the first settled
    /// is refused by the second, a retry under the same key replays the first's answer from the
    /// second, and `settlements list` reads the shared ledger.
    @Test func twoServeProcessesShareOnePostgreSQLLedger() throws {
        let url = try PostgresTestServer.shared.get().makeDatabase()
        // Replicas share the fingerprint key; each has its own data directory.
        let key = ["TSYS_SETTLE_LEDGER_KEY": String(repeating: "ab", count: 32)]
        let (first, firstPort) = try start(["--ledger-url", url], environment: key)
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
        let (second, secondPort) = try start(["--ledger-url", url], environment: key)
        defer { if second.isRunning { kill(second.processIdentifier, SIGKILL) } }
        let document = try Data(contentsOf: CLIRunner.root.appendingPathComponent("examples/hotel.json"))
        let (status, result, firstHeaders) = try post(firstPort, "/v1/settlements", document, key: "replica-1")
        #expect(status == 200)
        #expect(result["responseCode"] as? String == "GB")
        let location = try #require(firstHeaders["Location"] as? String)
        let (replayStatus, replay, headers) = try post(secondPort, "/v1/settlements", document, key: "replica-1")
        #expect(replayStatus == 200)
        #expect(replay["responseCode"] as? String == "GB")
        #expect(headers["Location"] as? String == location, "the second replica answers with the first's settlement")
        #expect(headers["Idempotent-Replayed"] as? String == "true")
        #expect(try post(secondPort, "/v1/settlements", document, key: "replica-2").0 == 409, "the batch-number guard holds across replicas")
        let listed = try CLIRunner.run(["settlements", "list", "--ledger-url", url, "--json"])
        #expect(listed.status == 0, "\(listed.errors)")
        #expect(listed.output.contains(location.replacingOccurrences(of: "/v1/settlements/", with: "")))
        // The shared ledger holds no full card number: rows, and the stored answers decoded.
        let dump = try PostgresTestServer.shared.get().psql(
            url,
            "SELECT concat_ws(' ', s::text, convert_from(s.answer_body, 'UTF8')) FROM settlements s UNION ALL SELECT r::text FROM settlement_records r"
        )
        #expect(dump.contains("411111******1111"))
        for card in ["4111111111111111", "371449635398431", "5555555555554444"] { #expect(!dump.contains(card)) }
        // The URL's password is never printed.
        let shown = try CLIRunner.run(["config", "serve", "--ledger-url", "postgresql://ledger:s3cret@db.internal/settle"])
        #expect(shown.output.contains("postgresql://ledger:<redacted>@db.internal/settle"))
        #expect(!shown.output.contains("s3cret"))
    }

    /// Fifty clients spread over two replicas on one PostgreSQL ledger and one (slow) host, all
    /// with the same batch and key, then fifty more with other keys: the host receives the batch
    /// exactly once, and every answer is the batch's result (200, the same body), a replay of it,
    /// or "in progress" / "already accepted" (409): never a second sending.
    @Test func fiftyClientsOnTwoReplicasSendOneBatchOnce() throws {
        let simulator = try SimulatorProcess(["--processing-delay", "1"])
        let url = try PostgresTestServer.shared.get().makeDatabase()
        let environment = ["TSYS_SETTLE_LEDGER_KEY": String(repeating: "ef", count: 32)]
        let host = ["--ledger-url", url] + simulator.sendArguments
        let (first, firstPort) = try start(host, environment: environment, banner: { _ in })
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
        let (second, secondPort) = try start(host, environment: environment, banner: { _ in })
        defer { if second.isRunning { kill(second.processIdentifier, SIGKILL) } }
        let document = try Data(contentsOf: CLIRunner.root.appendingPathComponent("examples/hotel.json"))
        func burst(key: @escaping @Sendable (Int) -> String) -> [(Int, Data)] {
            let answers = Mutex<[(Int, Data)]>([])
            let threads = (0..<50).map { index in
                Thread {
                    let port = index.isMultiple(of: 2) ? firstPort : secondPort
                    if let (status, body, _) = try? self.post(port, "/v1/settlements", document, key: key(index)) {
                        let data = (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])) ?? Data()
                        answers.withLock { $0.append((status, data)) }
                    }
                }
            }
            threads.forEach { $0.start() }
            let deadline = Date().addingTimeInterval(60)
            while answers.withLock({ $0.count }) < 50 && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            return answers.withLock { $0 }
        }
        let sameKey = burst { _ in "one-batch" }
        #expect(sameKey.count == 50)
        #expect(sameKey.allSatisfy { $0.0 == 200 || $0.0 == 409 }, "\(sameKey.map(\.0))")
        let results = Set(sameKey.filter { $0.0 == 200 }.map(\.1))
        #expect(results.count == 1, "every 200 is the same result")
        // Once it is done, a retry under the key gets that result from either replica.
        #expect(try post(secondPort, "/v1/settlements", document, key: "one-batch").0 == 200)
        let otherKeys = burst { "other-\($0)" }
        #expect(otherKeys.count == 50)
        #expect(otherKeys.allSatisfy { $0.0 == 409 }, "the batch number was accepted: \(otherKeys.map(\.0))")
        let deadline = Date().addingTimeInterval(5)
        while simulator.sessionLines().isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(simulator.sessionLines().count == 1, "\(simulator.sessionLines())")
        #expect(simulator.sessionLines().first?.contains("answered GB") == true)
    }

    /// PostgreSQL stopped under a running `serve`: not ready, and settlements refused with 503
    /// before anything is sent; started again: ready and settling, `serve` never restarted.
    @Test func aPostgreSQLOutageIsUnreadinessAndRefusalUntilItIsBack() throws {
        let server = try PostgresTestServer.dedicated()
        let url = try server.makeDatabase()
        let (process, port) = try start(["--ledger-url", url], environment: ["TSYS_SETTLE_LEDGER_KEY": String(repeating: "cd", count: 32)])
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let document = try Data(contentsOf: CLIRunner.root.appendingPathComponent("examples/hotel.json"))
        #expect(try post(port, "/readyz", nil, method: "GET").0 == 200)
        try server.stop()
        #expect(try post(port, "/readyz", nil, method: "GET").0 == 503)
        let (refused, problem, _) = try post(port, "/v1/settlements", document, key: "outage-1")
        #expect(refused == 503)
        #expect((problem["detail"] as? String)?.contains("nothing was sent") == true)
        #expect(problem["title"] as? String == "Ledger unavailable")
        // Where the database is, and what it said, are for the log: not in the answer.
        let host = try #require(URLComponents(string: url)?.queryItems?.first { $0.name == "host" }?.value)
        #expect(!"\(problem)".contains(host))
        try server.start()
        #expect(try post(port, "/readyz", nil, method: "GET").0 == 200)
        let (status, result, _) = try post(port, "/v1/settlements", document, key: "outage-1")
        #expect(status == 200)
        #expect(result["responseCode"] as? String == "GB")
        #expect(process.isRunning)
    }

    /// SIGKILL of one of two replicas while its batch is with a slow host: the other leaves the
    /// batch in flight (409) until the killed replica's lease lapses, then takes it as in doubt
    /// and answers the retry so, never resending it; the killed replica, restarted, answers the
    /// same and leaves the other's settlement in progress alone.
    @Test func aKilledReplicasBatchIsInDoubtOnlyOnceItsLeaseLapsed() throws {
        let simulator = try SimulatorProcess(["--processing-delay", "6"])
        let url = try PostgresTestServer.shared.get().makeDatabase()
        let environment = ["TSYS_SETTLE_LEDGER_KEY": String(repeating: "9a", count: 32)]
        let arguments = ["--ledger-url", url, "--ledger-lease-seconds", "3"] + simulator.sendArguments
        let (killed, killedPort) = try start(arguments, environment: environment, banner: { _ in })
        defer { if killed.isRunning { kill(killed.processIdentifier, SIGKILL) } }
        let (other, otherPort) = try start(arguments, environment: environment, banner: { _ in })
        defer { if other.isRunning { kill(other.processIdentifier, SIGKILL) } }
        let retail = try Data(contentsOf: CLIRunner.root.appendingPathComponent("examples/retail.json"))
        Thread { _ = try? self.post(killedPort, "/v1/settlements", retail, key: "lease-1") }.start()
        // The batch is with the host, then its replica dies without warning.
        Thread.sleep(forTimeInterval: 1.5)
        kill(killed.processIdentifier, SIGKILL)
        killed.waitUntilExit()
        let (inFlight, _, headers) = try post(otherPort, "/v1/settlements", retail, key: "lease-1")
        #expect(inFlight == 409, "the killed replica's lease has not lapsed yet")
        let location = try #require(headers["Content-Location"] as? String)
        #expect(try post(otherPort, location, nil, method: "GET").1["state"] as? String == "transmitting")
        // Within a lease and a renewal interval the other replica takes it as in doubt.
        let deadline = Date().addingTimeInterval(20)
        while try post(otherPort, location, nil, method: "GET").1["state"] as? String != "in_doubt" && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.2)
        }
        let (status, problem, replayed) = try post(otherPort, "/v1/settlements", retail, key: "lease-1")
        #expect(status == 502)
        #expect((problem["title"] as? String)?.contains("in doubt") == true)
        #expect(replayed["Location"] as? String == location)
        // The other replica now has a settlement of its own with the slow host when the killed
        // one comes back (a new instance); its start leaves that settlement alone.
        let tokenized = try Data(contentsOf: CLIRunner.root.appendingPathComponent("examples/tokenized.json"))  // batch 9
        let tokenizedAnswer = Mutex<Int?>(nil)
        Thread {
            let status = (try? self.post(otherPort, "/v1/settlements", tokenized, key: "lease-2"))?.0 ?? 0
            tokenizedAnswer.withLock { $0 = status }
        }.start()
        Thread.sleep(forTimeInterval: 1)
        var banner = ""
        let (restarted, restartedPort) = try start(arguments, environment: environment) { banner = $0 }
        defer { if restarted.isRunning { kill(restarted.processIdentifier, SIGKILL) } }
        #expect(!banner.contains("interrupted"), "\(banner)")
        #expect(try post(restartedPort, "/v1/settlements", retail, key: "lease-1").0 == 502)
        #expect(try post(restartedPort, "/v1/settlements", tokenized, key: "lease-2").0 == 409, "the other replica's settlement is in progress")
        let done = Date().addingTimeInterval(20)
        while tokenizedAnswer.withLock({ $0 }) == nil && Date() < done { Thread.sleep(forTimeInterval: 0.1) }
        #expect(tokenizedAnswer.withLock { $0 } == 200)
        // The host saw the killed replica's batch at most once (it may not finish a session whose
        // client died), and the other's once: nothing was resent.
        let printed = Date().addingTimeInterval(5)
        while !simulator.sessionLines().contains(where: { $0.contains("answered GB") }) && Date() < printed { Thread.sleep(forTimeInterval: 0.05) }
        let sessions = simulator.sessionLines()
        #expect(sessions.count <= 2, "\(sessions)")
        #expect(sessions.filter { $0.contains("answered GB") }.count >= 1, "\(sessions)")
    }

    /// PostgreSQL stopped while a batch is with the host: the host's answer still reaches the
    /// caller, and once PostgreSQL is back the ending is recorded (retried until it is), so a
    /// retry under the key replays it rather than finding the batch still in flight.
    @Test func anEndingThatCannotBeRecordedIsRecordedOnceTheDatabaseIsBack() throws {
        let simulator = try SimulatorProcess(["--processing-delay", "3"])
        let server = try PostgresTestServer.dedicated()
        let url = try server.makeDatabase()
        let (process, port) = try start(
            ["--ledger-url", url] + simulator.sendArguments, environment: ["TSYS_SETTLE_LEDGER_KEY": String(repeating: "7e", count: 32)],
            banner: { _ in })
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let document = try Data(contentsOf: CLIRunner.root.appendingPathComponent("examples/retail.json"))
        let answer = Mutex<(Int, String?)?>(nil)
        Thread {
            let (status, body, headers) = (try? self.post(port, "/v1/settlements", document, key: "ending-1")) ?? (0, [:], [:])
            answer.withLock { $0 = (status, (body["responseCode"] as? String).map { _ in headers["Location"] as? String } ?? nil) }
        }.start()
        // The batch is with the host (marked transmitting); the database goes away meanwhile.
        Thread.sleep(forTimeInterval: 1.5)
        try server.stop()
        let deadline = Date().addingTimeInterval(15)
        while answer.withLock({ $0 }) == nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        let (status, location) = try #require(answer.withLock { $0 })
        #expect(status == 200, "the host's answer reaches the caller")
        let settlement = try #require(location)
        try server.start()
        let recorded = Date().addingTimeInterval(45)
        var state: String?
        repeat {
            Thread.sleep(forTimeInterval: 0.5)
            state = try post(port, settlement, nil, method: "GET").1["state"] as? String
        } while state != "accepted" && Date() < recorded
        #expect(state == "accepted")
        let (replayed, body, headers) = try post(port, "/v1/settlements", document, key: "ending-1")
        #expect(replayed == 200)
        #expect(body["responseCode"] as? String == "GB")
        #expect(headers["Idempotent-Replayed"] as? String == "true")
        #expect(simulator.sessionLines().count == 1)
    }

    /// A single node's SQLite ledger moved to PostgreSQL: every entry as it was, and a second
    /// copy adds nothing.
    @Test func anSQLiteLedgerIsCopiedToPostgreSQLWhole() throws {
        let data = Scratch.url("copy-data").path
        let (process, port) = try start(data: data)
        let hotel = try Data(contentsOf: CLIRunner.root.appendingPathComponent("examples/hotel.json"))
        let (_, _, headers) = try post(port, "/v1/settlements", hotel, key: "copy-1")
        let grocery = try Data(contentsOf: CLIRunner.root.appendingPathComponent("examples/payment-facilitator.json"))  // batch 8
        #expect(try post(port, "/v1/settlements", grocery).0 == 200)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        let id = try #require((headers["Location"] as? String)?.split(separator: "/").last.map(String.init))
        let url = try PostgresTestServer.shared.get().makeDatabase()
        let copied = try CLIRunner.run(["ledger", "copy", "--data-dir", data, "--to", url])
        #expect(copied.status == 0, "\(copied.errors)")
        #expect(copied.output.contains("copied 2 of 2 settlements"))
        #expect(try CLIRunner.run(["ledger", "copy", "--data-dir", data, "--to", url]).output.contains("copied 0 of 2"))
        let there = try CLIRunner.run(["settlements", "show", id, "--ledger-url", url])
        let here = try CLIRunner.run(["settlements", "show", id, "--data-dir", data])
        #expect(there.status == 0 && here.status == 0)
        #expect(there.output == here.output)
        #expect(here.output.contains("copy-1"))
        let migrated = try CLIRunner.run(["ledger", "migrate", "--ledger-url", url])
        #expect(migrated.output.contains("ledger up to date: postgresql://ledger@/"))
    }

    @Test func aNonLoopbackBindWithoutKeysIsRefused() throws {
        let result = try CLIRunner.run(["serve", "--listen-host", "0.0.0.0", "--listen-port", "0"])
        #expect(result.status == 1)
        #expect(result.errors.contains("--insecure-bind"))
    }

    /// Runs a command line tool (openssl, curl) and returns its exit status and standard output.
    func tool(_ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func serveSpeaksHTTPSWithACertificateFromFiles() throws {
        let directory = Scratch.url("serve-https")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let certificate = directory.appendingPathComponent("cert.pem").path, key = directory.appendingPathComponent("key.pem").path
        let made = try tool([
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
            "-out", certificate, "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1",
        ])
        try #require(made.0 == 0)
        let (process, port) = try start(["--api-tls-certificate", certificate, "--api-tls-key", key])
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let document = CLIRunner.root.appendingPathComponent("examples/retail.json").path
        // Two requests in one curl run: the second reuses the TLS connection (num_connects 0).
        let (status, output) = try tool([
            "curl", "-s", "--cacert", certificate, "-w", "%{http_code} %{num_connects} %{ssl_verify_result}\n",
            "-H", "Content-Type: application/json", "--data-binary", "@\(document)",
            "-o", "/dev/null", "https://127.0.0.1:\(port)/healthz", "-o", "/dev/null", "https://127.0.0.1:\(port)/v1/settlements/validate",
        ])
        #expect(status == 0)
        #expect(output == "405 1 0\n200 0 0\n")
        // Plain HTTP to the HTTPS port gets nothing back.
        #expect(try tool(["curl", "-s", "-m", "5", "http://127.0.0.1:\(port)/healthz"]).0 != 0)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// `--log-format json`: every line serve writes is one JSON object (the banner included),
    /// with no card number in it; and SIGTERM lets a settlement in progress finish before the
    /// process ends (the service group drains the API before anything else stops).
    @Test func jsonLogsAndADrainOnSIGTERM() throws {
        let host = try SimulatorProcess(["--processing-delay", "2"])
        defer { host.process.terminate() }
        let errors = Pipe()
        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = [
            "serve", "--listen-port", "0", "--data-dir", Scratch.url("serve-json").path, "--log-format", "json", "--log-level", "info",
            "--processor", "custom", "--host", "127.0.0.1", "--port", String(host.port), "--ca-file", host.certificate.path,
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(CLIRunner.sampleIds) { $1 }
        process.standardError = errors
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        var text = ""
        let deadline = Date().addingTimeInterval(10)
        while !text.contains("listening on") && Date() < deadline && process.isRunning {
            text += String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
        }
        let banner = try #require(text.split(separator: "\n").first { $0.contains("listening on") })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(banner.utf8)) as? [String: Any])
        let message = try #require(object["message"] as? String)
        let port = try #require(message.range(of: "http://127.0.0.1:").flatMap { Int(message[$0.upperBound...].prefix { $0.isNumber }) })
        // A settlement the host takes two seconds over, and SIGTERM while it is in progress.
        let document = try Data(contentsOf: CLIRunner.root.appendingPathComponent("examples/retail.json"))
        let answer = Mutex<Int?>(nil)
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let status = (try? self.post(port, "/v1/settlements", document))?.0
            answer.withLock { $0 = status }
            finished.signal()
        }
        Thread.sleep(forTimeInterval: 0.7)
        kill(process.processIdentifier, SIGTERM)
        #expect(finished.wait(timeout: .now() + 20) == .success)
        #expect(answer.withLock { $0 } == 200)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        text += String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count >= 3)
        for line in lines {
            let event = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(event?["level"] is String && event?["message"] is String, "\(line)")
        }
        #expect(text.contains("stopping; finishing settlements in progress"))
        #expect(!text.contains("4111111111111111"))
    }

    /// (Whole-number settings have a suite of their own: SettingsTests.)
    @Test func aBadLedgerKeyIsRefusedAtStartByName() throws {
        let data = Scratch.url("serve-bad").path
        let result = try CLIRunner.run(
            ["serve", "--listen-port", "0", "--data-dir", data],
            environment: CLIRunner.sampleIds.merging(["TSYS_SETTLE_LEDGER_KEY": "not-hex"]) { $1 })
        #expect(result.status == 1)
        #expect(result.errors.contains("TSYS_SETTLE_LEDGER_KEY must be at least 64 hex digits"), "\(result.errors)")
    }

    @Test func aCertificateWithoutAKeyIsRefusedAtStart() throws {
        let result = try CLIRunner.run(["serve", "--listen-port", "0", "--api-tls-certificate", "/etc/hostname"])
        #expect(result.status == 1)
        #expect(result.errors.contains("--api-tls-key"))
    }

    /// SIGKILL while a batch is with a slow host; after a restart it is in doubt, a retry with
    /// its key gets the in-doubt answer, and the host received the batch once.
    @Test func aCrashMidTransmissionLeavesTheBatchInDoubtAndNothingIsResent() throws {
        let simulator = try SimulatorProcess(["--processing-delay", "30"])
        let data = Scratch.url("serve-crash").path
        let (first, port) = try start(simulator.sendArguments, data: data) { _ in }
        defer { if first.isRunning { kill(first.processIdentifier, SIGKILL) } }
        let document = try Data(contentsOf: CLIRunner.root.appendingPathComponent("examples/retail.json"))
        Thread { _ = try? self.post(port, "/v1/settlements", document, key: "crash-1") }.start()
        // The batch is with the host (it is "processing"), then the service dies without warning.
        Thread.sleep(forTimeInterval: 1.5)
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        var banner = ""
        let (second, again) = try start(simulator.sendArguments, data: data) { banner = $0 }
        defer { if second.isRunning { kill(second.processIdentifier, SIGKILL) } }
        #expect(banner.contains("interrupted (the service stopped); it is now in_doubt"))
        let (status, problem, headers) = try post(again, "/v1/settlements", document, key: "crash-1")
        #expect(status == 502)
        #expect((problem["title"] as? String)?.contains("in doubt") == true)
        #expect(headers["Idempotent-Replayed"] as? String == "true")
        let location = try #require(headers["Location"] as? String)
        let (lookedUp, record, _) = try post(again, location, nil, method: "GET")
        #expect(lookedUp == 200)
        #expect(record["state"] as? String == "in_doubt")
        // Another key for the same batch number is refused too: nothing reaches the host.
        #expect(try post(again, "/v1/settlements", document, key: "crash-2").0 == 409)
        kill(second.processIdentifier, SIGTERM)
        second.waitUntilExit()
        #expect(simulator.sessionLines().count <= 1)  // the killed session, at most; never a second
        // The fingerprints are keyed with a key of the data directory's own, readable only by us.
        let attributes = try FileManager.default.attributesOfItem(atPath: data + "/fingerprint.key")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    /// `tsys-settle settlements list|show|resolve` on the ledger a running `serve` writes.
    @Test func theLedgerIsReadAndResolvedFromTheCommandLine() throws {
        let data = Scratch.url("serve-cli").path
        let (process, port) = try start([], data: data)
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let document = try Data(contentsOf: CLIRunner.root.appendingPathComponent("examples/retail.json"))
        #expect(try post(port, "/v1/settlements", document, key: "cli-1").0 == 200)
        let listed = try CLIRunner.run(["settlements", "list", "--data-dir", data, "--json"])
        #expect(listed.status == 0)
        let page = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [String: Any])
        let first = try #require((page["settlements"] as? [[String: Any]])?.first)
        let id = try #require(first["id"] as? String)
        #expect(first["state"] as? String == "accepted")
        let text = try CLIRunner.run(["settlements", "list", "--data-dir", data, "--state", "accepted"])
        #expect(text.output.contains(id) && text.output.contains("simulator"))
        let shown = try CLIRunner.run(["settlements", "show", id, "--data-dir", data])
        #expect(shown.status == 0)
        #expect(shown.output.contains("411111******1111") && !shown.output.contains("4111111111111111"))
        let refused = try CLIRunner.run(["settlements", "resolve", id, "--captured", "--note", "report", "--data-dir", data])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("not in doubt"))
        #expect(try CLIRunner.run(["settlements", "show", "stl_missing", "--data-dir", data]).status == 1)
        #expect(try CLIRunner.run(["settlements", "list", "--data-dir", data, "--state", "lost"]).status != 0)
    }
}
