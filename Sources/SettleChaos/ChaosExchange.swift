import SettleLink
import SettleModel
import SettleSimulator

/// One settlement session between the real link state machine (the terminal's side) and the real
/// host state machine, over a simulated connection in virtual time: no sockets, no clock, the same
/// every time for the same choices. Faults come from the host's script, from the connection
/// (dropped after a number of deliveries) and from the terminal's process (stopped after a number
/// of deliveries, never to read again).
struct ChaosExchange {
    enum Event {
        case toHost([UInt8])
        case toTerminal([UInt8])
        case terminalTimer(LinkTimer, generation: Int)
        case hostTimer(HostTimer, generation: Int)
        case hostClosed
        case terminalClosed
    }

    /// How the session ended for the terminal: its result, or nothing when its process stopped.
    enum Ending {
        case finished(LinkResult)
        case terminalStopped
    }

    var link: LinkSession
    var host: HostSession
    /// Deliveries after which the connection drops for both sides (nil: never).
    var dropAfterDeliveries: Int?
    /// Deliveries after which the terminal's process stops (nil: never).
    var stopTerminalAfterDeliveries: Int?

    private var now: Duration = .zero
    private var queue: [(time: Duration, order: Int, event: Event)] = []
    private var order = 0
    private var terminalTimers: [LinkTimer: Int] = [:]
    private var hostTimers: [HostTimer: Int] = [:]
    private var deliveries = 0
    private var started = false
    private var steps = 0
    private var connectionOpen = true
    private var hostClosing = false
    private var terminalClosing = false
    /// One way across the simulated network.
    private let latency: Duration = .milliseconds(2)

    init(link: LinkSession, host: HostSession) {
        self.link = link
        self.host = host
    }

    /// Runs the session to its end (or until the terminal's process stops).
    mutating func run() -> Ending {
        while true {
            if let ending = advance(events: .max) { return ending }
        }
    }

    /// Runs the session for up to `limit` events (deliveries and timers), so sessions of several
    /// processes interleave; its ending once it has one.
    mutating func advance(events limit: Int) -> Ending? {
        if !started {
            started = true
            apply(host: host.connected())
            if let result = apply(terminal: link.connected()) { return finish(.finished(result)) }
        }
        var processed = 0
        while processed < limit, !queue.isEmpty, steps < 100_000 {
            processed += 1
            steps += 1
            queue.sort { ($0.time, $0.order) < ($1.time, $1.order) }
            let next = queue.removeFirst()
            now = max(now, next.time)
            if let ending = handle(next.event) { return finish(ending) }
        }
        guard queue.isEmpty || steps >= 100_000 else { return nil }
        return finish(
            .finished(
                .failed(
                    LinkFailure(
                        code: .timeout, message: "the simulation ran out of steps", inDoubt: link.trailerSent,
                        blocksAcknowledged: link.blocksAcknowledged))))
    }

    /// The terminal's process stops mid-session: the connection goes with it, and the host
    /// finishes what it was doing on its own.
    mutating func terminalProcessStopped() {
        if connectionOpen {
            connectionOpen = false
            apply(host: host.disconnected())
        }
        drainHost()
    }

    private mutating func handle(_ event: Event) -> Ending? {
        switch event {
        case .toHost(let bytes):
            guard connectionOpen else { return nil }
            if let stopped = deliver() { return stopped }
            apply(host: host.received(bytes))
        case .toTerminal(let bytes):
            guard connectionOpen else { return nil }
            if let stopped = deliver() { return stopped }
            if let result = apply(terminal: link.received(bytes)) { return .finished(result) }
        case .terminalTimer(let timer, let generation):
            guard terminalTimers[timer] == generation else { return nil }
            terminalTimers[timer] = nil
            if let result = apply(terminal: link.timerExpired(timer)) { return .finished(result) }
        case .hostTimer(let timer, let generation):
            guard hostTimers[timer] == generation else { return nil }
            hostTimers[timer] = nil
            apply(host: host.timerExpired(timer))
        case .hostClosed:
            connectionOpen = false
            if let result = apply(terminal: link.disconnected()) { return .finished(result) }
        case .terminalClosed:
            connectionOpen = false
            apply(host: host.disconnected())
        }
        return nil
    }

    /// A host still "processing" when the terminal's side ended finishes on its own (its
    /// verdict, and so whether it captured the batch, does not depend on anyone listening).
    private mutating func finish(_ ending: Ending) -> Ending {
        drainHost()
        return ending
    }

    /// Counts a delivery; the connection drops, or the terminal stops, when their number is up.
    private mutating func deliver() -> Ending? {
        deliveries += 1
        if let limit = stopTerminalAfterDeliveries, deliveries > limit {
            connectionOpen = false
            apply(host: host.disconnected())
            return .terminalStopped
        }
        if let limit = dropAfterDeliveries, deliveries > limit {
            connectionOpen = false
            apply(host: host.disconnected())
            schedule(.hostClosed)
            return nil
        }
        return nil
    }

    private mutating func drainHost() {
        var steps = 0
        while steps < 10_000, let index = queue.indices.min(by: { (queue[$0].time, queue[$0].order) < (queue[$1].time, queue[$1].order) }) {
            steps += 1
            let next = queue.remove(at: index)
            if case .hostTimer(let timer, let generation) = next.event, hostTimers[timer] == generation {
                hostTimers[timer] = nil
                apply(host: host.timerExpired(timer))
            }
        }
    }

    private mutating func schedule(_ event: Event, after delay: Duration? = nil) {
        order += 1
        queue.append((now + (delay ?? latency), order, event))
    }

    private mutating func apply(host actions: [HostAction]) {
        for action in actions {
            switch action {
            case .send(let bytes): schedule(.toTerminal(bytes))
            case .startTimer(let timer, let duration):
                let generation = (hostTimers[timer] ?? 0) + 1
                hostTimers[timer] = generation
                schedule(.hostTimer(timer, generation: generation), after: duration)
            case .close:
                // After the bytes sent before it, as a FIN follows the data.
                if connectionOpen && !hostClosing { schedule(.hostClosed) }
                hostClosing = true
            }
        }
    }

    /// The terminal's actions; its result once it finishes.
    private mutating func apply(terminal actions: [LinkAction]) -> LinkResult? {
        for action in actions {
            switch action {
            case .send(let bytes): schedule(.toHost(bytes))
            case .startTimer(let timer, let duration):
                let generation = (terminalTimers[timer] ?? 0) + 1
                terminalTimers[timer] = generation
                schedule(.terminalTimer(timer, generation: generation), after: duration)
            case .cancelTimer(let timer): terminalTimers[timer] = nil
            case .close:
                if connectionOpen && !terminalClosing { schedule(.terminalClosed) }
                terminalClosing = true
            case .finish(let result): return result
            }
        }
        return nil
    }
}
