import Foundation

/// `tsys-settle simulate` running as its own process for a test, on a free port.
final class SimulatorProcess {
    let process = Process()
    let port: Int
    let certificate: URL

    init(_ arguments: [String] = []) throws {
        certificate = FileManager.default.temporaryDirectory.appendingPathComponent("simulator-\(UUID().uuidString).pem")
        process.executableURL = CLIRunner.binary
        process.arguments = ["simulate", "--port", "0", "--certificate-out", certificate.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // The first line names the port.
        var text = ""
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
