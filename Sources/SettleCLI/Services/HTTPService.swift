import Foundation
import ServiceLifecycle
import SettleAPI
import SettleHTTP

/// The API server as a service: it listens until the group shuts down gracefully (SIGTERM,
/// SIGINT), then turns `/readyz` to 503, stops accepting and lets the requests in hand (and the
/// settlements behind them) finish within the drain timeout.
struct HTTPService: Service {
    let server: HTTPServer
    let readiness: Readiness
    /// Told the bound port once the server listens (the start-up banner).
    let listening: @Sendable (Int) -> Void
    /// Told when the drain begins (shown whatever the log level, as the banner is).
    let stopping: @Sendable () -> Void

    func run() async throws {
        let port: Int
        do {
            port = try await server.start()
        } catch {
            throw CLIError(error.description)
        }
        listening(port)
        // Returns on a graceful shutdown; throws when the group is cancelled instead. Either
        // way the server drains before the service ends.
        try? await gracefulShutdown()
        readiness.markDraining()
        stopping()
        await server.shutdown()
    }
}
