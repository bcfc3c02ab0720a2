import Foundation
import SettleTestSupport

/// `tsys-settle simulate` running as its own process for a test, on a free port.
final class SimulatorProcess {
    let process = Process()
    let port: Int
    let certificate: URL
    private let output: Pipe
    private var text = ""

    init(_ arguments: [String] = []) throws {
        certificate = Scratch.url("simulator", suffix: ".pem")
        process.executableURL = CLIRunner.binary
        process.arguments = ["simulate", "--port", "0", "--certificate-out", certificate.path] + arguments
        let output = Pipe()
        self.output = output
        process.standardOutput = output
        try process.run()
        // The first line names the port.
        let deadline = Date().addingTimeInterval(10)
        while !text.contains("\n") && Date() < deadline && process.isRunning {
            text += String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        }
        guard let range = text.range(of: "127.0.0.1:"), let port = Int(text[range.upperBound...].prefix { $0.isNumber }) else {
            process.terminate()
            throw CocoaError(.fileReadUnknown)
        }
        self.port = port
        while !FileManager.default.fileExists(atPath: certificate.path) && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    }

    /// The "session N: ..." lines printed so far (one per batch session the host finished).
    func sessionLines() -> [String] {
        let pending = output.fileHandleForReading
        // Non-blocking read of whatever has arrived.
        let flags = fcntl(pending.fileDescriptor, F_GETFL)
        _ = fcntl(pending.fileDescriptor, F_SETFL, flags | O_NONBLOCK)
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(pending.fileDescriptor, &chunk, chunk.count)
            guard count > 0 else { break }
            text += String(decoding: chunk[0..<count], as: UTF8.self)
        }
        return text.split(separator: "\n").filter { $0.hasPrefix("session ") }.map(String.init)
    }

    /// `send` arguments that reach this simulator.
    var sendArguments: [String] { ["--processor", "custom", "--host", "127.0.0.1", "--port", String(port), "--ca-file", certificate.path] }

    deinit {
        process.terminate()
        // Never hang a test run on a simulator that did not stop: kill it after a grace period.
        let deadline = Date().addingTimeInterval(3)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: certificate)
    }
}
