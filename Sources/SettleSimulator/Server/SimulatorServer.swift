import Foundation
import SettleModel
import SettleTransport
import Synchronization

/// The TSYS host simulator on a loopback port: TLS with its own certificate, or plain TCP.
/// Each connection runs a ``HostSession`` on its own thread; every transcript is kept.
public final class SimulatorServer: Sendable {
    public let port: Int
    /// The certificate clients must trust (PEM), `nil` for plain TCP.
    public let certificatePEM: String?
    private let listener: Listener
    private let context: TLSContext?
    private let script: SimulatorScript
    /// The socket service (the link protocol), or the HTTPS POST gateway.
    public let service: SimulatorService
    private let registry: DuplicateBatchRegistry
    private let judge: BatchJudge
    private let state = Mutex(State())

    private struct State {
        var transcripts: [HostTranscript] = []
        var stopped = false
        var running = 0
        /// Connection threads alive (handshake, session, and the stream's release after it).
        var threads = 0
        var accepting = true
    }

    /// Starts listening on 127.0.0.1 (::1 with `ipv6`). With `tls` the simulator presents that certificate (a
    /// freshly generated one when `tls` is `.generate`).
    public init(
        script: SimulatorScript = .standard, service: SimulatorService = .socket, tls: SimulatorTLS = .generate, port: Int = 0,
        ipv6: Bool = false, registry: DuplicateBatchRegistry = DuplicateBatchRegistry(), judge: BatchJudge
    ) throws(TransportError) {
        switch tls {
        case .none:
            context = nil
            certificatePEM = nil
        case .generate:
            let identity = try SelfSignedCertificate.generate()
            context = try TLSContext(serverCertificatePEM: identity.certificatePEM, keyPEM: identity.keyPEM)
            certificatePEM = identity.certificatePEM
        case .identity(let certificate, let key, let clientCA):
            context = try TLSContext(serverCertificatePEM: certificate, keyPEM: key, clientCAPEM: clientCA)
            certificatePEM = certificate
        }
        listener = try Listener(port: port, ipv6: ipv6)
        self.port = listener.port
        self.script = script
        self.service = service
        self.registry = registry
        self.judge = judge
        let server = self
        Thread.detachNewThread { server.acceptLoop() }
    }

    /// Stops accepting, and waits (up to `timeout`) for the accept loop and the connections in
    /// progress to end: a process that exits right after (`send` with the built-in simulator)
    /// must not run OpenSSL's exit-time cleanup while a connection thread still frees its TLS
    /// objects (a double free).
    public func stop(timeout: Duration = .seconds(5)) {
        state.withLock { $0.stopped = true }
        let deadline = ContinuousClock.now + timeout
        while state.withLock({ $0.accepting || $0.threads > 0 }) && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.002) }
        listener.close()
    }

    /// Transcripts of the sessions that have ended, in the order they ended.
    public var transcripts: [HostTranscript] { state.withLock { $0.transcripts } }

    /// Sessions in progress right now.
    public var runningSessions: Int { state.withLock { $0.running } }

    /// Waits until no session is running (tests use it before reading transcripts).
    public func waitUntilIdle(timeout: Duration = .seconds(10)) {
        let deadline = ContinuousClock.now + timeout
        while state.withLock({ $0.running > 0 }) && ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.005) }
    }

    /// Takes connections as fast as they come; each shakes hands on its own thread, so a slow
    /// or silent client holds up no other (and a burst does not overflow the listen queue).
    private func acceptLoop() {
        while !state.withLock({ $0.stopped }) {
            guard let connection = try? listener.acceptConnection(before: .now + .milliseconds(100)) else { continue }
            let server = self
            state.withLock { $0.threads += 1 }
            Thread.detachNewThread {
                server.open(connection)
                server.state.withLock { $0.threads -= 1 }
            }
        }
        state.withLock { $0.accepting = false }
    }

    private func open(_ connection: AcceptedConnection) {
        // A failed handshake (an untrusting client, a port probe) ends only that connection.
        guard let stream = try? connection.openStream(context: context, before: .now + .seconds(10)) else { return }
        state.withLock { $0.running += 1 }
        serve(stream)
    }

    private func serve(_ stream: any ByteStream) {
        let transcript: HostTranscript
        switch service {
        case .socket:
            var session = HostSession(script: script, registry: registry, judge: judge)
            HostDriver.run(&session, over: stream)
            transcript = session.transcript
        case .httpPost:
            transcript = GatewayDriver.run(GatewayExchange(registry: registry, judge: judge, script: script), over: stream)
        }
        state.withLock {
            $0.transcripts.append(transcript)
            $0.running -= 1
        }
    }
}

/// How the simulator secures its port.
public enum SimulatorTLS: Sendable {
    /// Plain TCP.
    case none
    /// A certificate generated at start for localhost, 127.0.0.1 and ::1.
    case generate
    /// A given certificate and key; with `clientCA`, clients must present a certificate it signed.
    case identity(certificatePEM: String, keyPEM: String, clientCA: String?)
}

/// Which TSYS service the simulator offers.
public enum SimulatorService: Sendable, Hashable {
    /// The TLS socket service with the link protocol (ENQ, blocks, ACK/BEL…).
    case socket
    /// The HTTPS POST gateway (`/scripts/gateway.dll?transact`).
    case httpPost
}
