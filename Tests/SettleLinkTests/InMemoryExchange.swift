import SettleFraming
import SettleLink
import SettleSimulator

/// Runs a client ``LinkSession`` against a simulated ``HostSession`` in memory, with a virtual
/// clock: bytes are delivered in order, and when nothing is in flight the earliest timer fires.
/// The same state machines run over TLS sockets; here only the transport is replaced.
struct InMemoryExchange {
    enum Delivery {
        case bytes([UInt8])
        case closed
    }

    var client: LinkSession
    var host: HostSession
    private var toClient: [Delivery] = []
    private var toHost: [Delivery] = []
    private var clientTimers: [LinkTimer: Duration] = [:]
    private var hostTimers: [HostTimer: Duration] = [:]
    private(set) var now: Duration = .zero
    private(set) var result: LinkResult?
    /// Every packet each way, as the transport saw it (raw wire bytes).
    private(set) var packetsOut: [[UInt8]] = []
    private(set) var packetsIn: [[UInt8]] = []

    init(client: LinkSession, host: HostSession) {
        self.client = client
        self.host = host
    }

    /// Runs until the client finishes; `nil` if the exchange stalls with nothing left to do.
    mutating func run() -> LinkResult? {
        applyHost(host.connected())
        applyClient(client.connected())
        var steps = 0
        while result == nil && steps < 100_000 {
            steps += 1
            if !toClient.isEmpty {
                switch toClient.removeFirst() {
                case .bytes(let bytes):
                    packetsIn.append(bytes)
                    applyClient(client.received(bytes))
                case .closed:
                    applyClient(client.disconnected())
                }
            } else if !toHost.isEmpty {
                switch toHost.removeFirst() {
                case .bytes(let bytes): applyHost(host.received(bytes))
                case .closed: applyHost(host.disconnected())
                }
            } else if !fireEarliestTimer() {
                return nil
            }
        }
        // Let the host see the client's final bytes (ACK, EOT) and close.
        while !toHost.isEmpty {
            if case .bytes(let bytes) = toHost.removeFirst() { applyHost(host.received(bytes)) }
        }
        return result
    }

    private mutating func fireEarliestTimer() -> Bool {
        let clientNext = clientTimers.min { $0.value < $1.value }
        let hostNext = hostTimers.min { $0.value < $1.value }
        if let c = clientNext, hostNext == nil || c.value <= hostNext!.value {
            now = c.value
            clientTimers[c.key] = nil
            applyClient(client.timerExpired(c.key))
            return true
        }
        if let h = hostNext {
            now = h.value
            hostTimers[h.key] = nil
            applyHost(host.timerExpired(h.key))
            return true
        }
        return false
    }

    private mutating func applyClient(_ actions: [LinkAction]) {
        for action in actions {
            switch action {
            case .send(let bytes):
                packetsOut.append(bytes)
                toHost.append(.bytes(bytes))
            case .startTimer(let timer, let duration): clientTimers[timer] = now + duration
            case .cancelTimer(let timer): clientTimers[timer] = nil
            case .close: toHost.append(.closed)
            case .finish(let outcome): result = outcome
            }
        }
    }

    private mutating func applyHost(_ actions: [HostAction]) {
        for action in actions {
            switch action {
            case .send(let bytes): toClient.append(.bytes(bytes))
            case .startTimer(let timer, let duration): hostTimers[timer] = now + duration
            case .close:
                toClient.append(.closed)
                hostTimers.removeAll()
            }
        }
    }
}
