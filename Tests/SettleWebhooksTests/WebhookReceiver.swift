import Foundation
import SettleHTTP
import Synchronization

/// A webhook receiver on loopback (the project's own HTTP server) that answers from a script
/// (then 204) and keeps every request it was sent.
final class WebhookReceiver: Sendable {
    enum Reply: Sendable {
        case status(Int)
        /// Answers only after this long (the sender times out first).
        case hang(Duration)
        case redirect(String)
    }

    /// What was received, and what to answer next.
    final class Log: Sendable {
        let state: Mutex<(requests: [HTTPRequest], script: [Reply])>
        init(_ script: [Reply]) { state = Mutex(([], script)) }
    }

    private let server: HTTPServer
    private let log: Log
    let port: Int

    var requests: [HTTPRequest] { log.state.withLock { $0.requests } }
    var url: URL { URL(string: "http://127.0.0.1:\(port)/hook")! }

    init(script: [Reply] = []) async throws {
        let log = Log(script)
        var configuration = HTTPServerConfiguration(port: 0)
        configuration.host = "127.0.0.1"
        let server = HTTPServer(configuration: configuration) { request in
            let reply = log.state.withLock { state -> Reply in
                state.requests.append(request)
                return state.script.isEmpty ? .status(204) : state.script.removeFirst()
            }
            switch reply {
            case .status(let status): return HTTPResponse(status: status)
            case .hang(let duration):
                try? await Task.sleep(for: duration)
                return HTTPResponse(status: 204)
            case .redirect(let location): return HTTPResponse(status: 302, headers: HTTPHeaders([("Location", location)]))
            }
        }
        port = try await server.start()
        self.server = server
        self.log = log
    }

    func stop() async { await server.shutdown() }
}
