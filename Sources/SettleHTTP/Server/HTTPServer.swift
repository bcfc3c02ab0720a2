import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 server on Dispatch sockets. Its lifecycle is an explicit state: idle → running →
/// draining → stopped. Requests go to one handler; it knows nothing of what they mean.
public actor HTTPServer {
    public typealias Handler = @Sendable (HTTPRequest) async -> HTTPResponse

    private enum State {
        case idle
        case running(listener: ListeningSocket, source: any DispatchSourceRead)
        case draining
        case stopped
    }

    public let configuration: HTTPServerConfiguration
    private let handler: Handler
    private var state = State.idle
    private let connections = ConnectionSet()

    public init(configuration: HTTPServerConfiguration, handler: @escaping Handler) {
        self.configuration = configuration
        self.handler = handler
    }

    /// Binds and starts accepting; returns the bound port.
    @discardableResult
    public func start() throws(HTTPServerError) -> Int {
        guard case .idle = state else { throw HTTPServerError("the server has already been started") }
        let tls = try configuration.tls.map { (tls) throws(HTTPServerError) in try ServerTLSContext(tls) }
        let listener = try ListeningSocket.bind(host: configuration.host, port: configuration.port)
        let source = DispatchSource.makeReadSource(fileDescriptor: listener.descriptor, queue: DispatchQueue(label: "tsys-settle.http.accept"))
        let (configuration, handler, connections) = (self.configuration, self.handler, self.connections)
        source.setEventHandler {
            while let client = listener.accept() {
                guard connections.count < configuration.maximumConnections else {
                    // Over TLS a plain-text 503 would be noise to the client: just close.
                    if tls == nil { HTTPConnection.refuse(client) } else { close(client) }
                    continue
                }
                let channel: (any ByteChannel)? = if let tls { tls.channel(on: client) } else { PlainChannel(descriptor: client) }
                guard let channel else {
                    close(client)
                    continue
                }
                let connection = HTTPConnection(descriptor: client, channel: channel, configuration: configuration, handler: handler) {
                    connections.remove($0)
                }
                connections.insert(connection)
                connection.start()
            }
        }
        source.setCancelHandler { close(listener.descriptor) }
        source.resume()
        state = .running(listener: listener, source: source)
        return listener.port
    }

    /// Open connections right now (for `/metrics` and tests).
    public nonisolated var openConnections: Int { connections.count }

    /// Stops accepting, lets requests in hand finish (up to the drain timeout), then returns.
    public func shutdown() async {
        guard case .running(_, let source) = state else { return }
        state = .draining
        source.cancel()
        connections.drainAll()
        let deadline = ContinuousClock.now + configuration.drainTimeout
        while connections.count > 0 && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        state = .stopped
    }
}

/// The open connections, shared with the accept handler and each connection's close.
final class ConnectionSet: Sendable {
    private let members = Mutex<[ObjectIdentifier: HTTPConnection]>([:])

    var count: Int { members.withLock { $0.count } }

    func insert(_ connection: HTTPConnection) { members.withLock { $0[ObjectIdentifier(connection)] = connection } }

    func remove(_ connection: HTTPConnection) { _ = members.withLock { $0.removeValue(forKey: ObjectIdentifier(connection)) } }

    func drainAll() {
        for connection in members.withLock({ Array($0.values) }) { connection.drain() }
    }
}
