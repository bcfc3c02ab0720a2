import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
import Testing

/// `tsys-settle serve` as a user runs it: no configuration, the built-in simulator, real HTTP.
@Suite(.serialized) struct ServeCommandTests {
    /// Starts `serve` on a free port and returns the process, its port and its stderr pipe.
    func start(_ arguments: [String] = []) throws -> (Process, Int) {
        let process = Process()
        process.executableURL = CLIRunner.binary
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("serve-data-\(UUID().uuidString)").path
        process.arguments = ["serve", "--listen-port", "0", "--data-dir", data] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment.merge(CLIRunner.sampleIds) { $1 }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(10)
        while !text.contains("\n") && Date() < deadline && process.isRunning {
            text += String(decoding: errors.fileHandleForReading.availableData, as: UTF8.self)
        }
        #expect(text.contains("built-in TSYS host simulator"))
        #expect(text.contains("environment simulator"))
        guard let range = text.range(of: "http://127.0.0.1:") ?? text.range(of: "https://127.0.0.1:"), let port = Int(text[range.upperBound...].prefix { $0.isNumber }) else {
            process.terminate()
            throw CocoaError(.fileReadUnknown)
        }
        return (process, port)
    }

    func post(_ port: Int, _ path: String, _ body: Data) throws -> (Int, [String: Any]) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = body
        let result = Mutex<(Int, Data)?>(nil)
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, _ in
            result.withLock { $0 = ((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data()) }
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + 30)
        let (status, data) = result.withLock { $0 } ?? (0, Data())
        return (status, (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:])
    }

    @Test func serveSettlesOfflineAndStopsOnSIGTERM() throws {
        let (process, port) = try start()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let document = try Data(contentsOf: CLIRunner.root.appendingPathComponent("examples/grocery.json"))
        let (status, result) = try post(port, "/v1/settlements", document)
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
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("serve-https-\(UUID().uuidString)")
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

    @Test func aCertificateWithoutAKeyIsRefusedAtStart() throws {
        let result = try CLIRunner.run(["serve", "--listen-port", "0", "--api-tls-certificate", "/etc/hostname"])
        #expect(result.status == 1)
        #expect(result.errors.contains("--api-tls-key"))
    }
}
