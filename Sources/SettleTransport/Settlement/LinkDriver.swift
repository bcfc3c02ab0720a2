import SettleFraming
import SettleLink
import SettleModel
import Synchronization

/// Runs a ``LinkSession`` over a connected ``ByteStream``: sends what it asks, keeps its timers
/// on the wall clock, and feeds it what arrives, until it finishes.
public enum LinkDriver {
    /// Runs the session to its end. `observer` sees every packet each way (raw wire bytes);
    /// `interrupt` stops the exchange as a disconnect would (in doubt once the trailer went out).
    public static func run(
        _ session: inout LinkSession, over stream: some ByteStream, interrupt: LinkInterrupt? = nil,
        observer: (@Sendable (PacketDirection, [UInt8]) -> Void)? = nil
    ) -> LinkResult {
        var timers = DeadlineTimers<LinkTimer>()
        var pending = session.connected()
        while true {
            for action in pending {
                switch action {
                case .send(let bytes):
                    observer?(.out, bytes)
                    do {
                        try stream.write(bytes, before: .now + .seconds(30))
                    } catch {
                        stream.close()
                        return finish(session.disconnected()) ?? .failed(linkFailure(error, session))
                    }
                case .startTimer(let timer, let duration): timers.start(timer, duration)
                case .cancelTimer(let timer): timers.cancel(timer)
                case .close: stream.close()
                case .finish(let result):
                    stream.close()
                    return result
                }
            }
            if interrupt?.isInterrupted == true {
                stream.close()
                return finish(session.disconnected())
                    ?? .failed(
                        LinkFailure(
                            code: .hostDisconnected, message: "interrupted", inDoubt: session.trailerSent,
                            blocksAcknowledged: session.blocksAcknowledged))
            }
            // Wait for bytes until the earliest timer, in short slices so an interrupt is noticed.
            let deadline = timers.waitDeadline(notAfter: .now + .milliseconds(200))
            do {
                switch try stream.read(before: deadline) {
                case .bytes(let bytes):
                    observer?(.in, bytes)
                    pending = session.received(bytes)
                case .closed:
                    pending = session.disconnected()
                case .timedOut:
                    pending = timers.popExpired().map { session.timerExpired($0) } ?? []
                }
            } catch {
                pending = session.disconnected()
            }
        }
    }

    private static func finish(_ actions: [LinkAction]) -> LinkResult? {
        for case .finish(let result) in actions { return result }
        return nil
    }

    private static func linkFailure(_ error: TransportError, _ session: LinkSession) -> LinkFailure {
        LinkFailure(code: .hostDisconnected, message: error.description, inDoubt: session.trailerSent, blocksAcknowledged: session.blocksAcknowledged)
    }
}

/// Which way a packet went.
public enum PacketDirection: Sendable, Hashable {
    case out
    case `in`
}

/// Stops a settlement in flight (the class reference's `interrupt`).
public final class LinkInterrupt: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func interrupt() { flag.store(true, ordering: .relaxed) }

    public var isInterrupted: Bool { flag.load(ordering: .relaxed) }
}
