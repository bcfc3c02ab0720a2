import Foundation
import Logging

/// What `serve` says at start whatever the log level (where it listens, what it settles
/// against): a line of text, or with `--log-format json` a JSON object like every log line.
struct Banner: Sendable {
    let format: String

    func announce(_ message: String) {
        let line =
            format == "json"
            ? JSONLogHandler.line(time: Date(), level: .notice, label: "tsys-settle", message: message, metadata: [:])
            : "tsys-settle serve: \(message)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// A parent (a test runner, a supervisor) may have blocked SIGINT and SIGTERM; the service
    /// group's graceful shutdown waits for them.
    static func unblockStopSignals() {
        var stopSignals = sigset_t()
        sigemptyset(&stopSignals)
        sigaddset(&stopSignals, SIGINT)
        sigaddset(&stopSignals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &stopSignals, nil)
    }
}
