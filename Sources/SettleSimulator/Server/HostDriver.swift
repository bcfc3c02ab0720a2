import SettleFraming
import SettleTransport

/// Runs a ``HostSession`` over one client's ``ByteStream`` until either side closes.
enum HostDriver {
    static func run(_ session: inout HostSession, over stream: any ByteStream, idleLimit: Duration = .seconds(120)) {
        var timers = DeadlineTimers<HostTimer>()
        var pending = session.connected()
        var lastActivity = ContinuousClock.now
        while true {
            for action in pending {
                switch action {
                case .send(let bytes):
                    do {
                        try stream.write(bytes, before: .now + .seconds(30))
                    } catch {
                        stream.close()
                        _ = session.disconnected()
                        return
                    }
                case .startTimer(let timer, let duration): timers.start(timer, duration)
                case .close:
                    stream.close()
                    return
                }
            }
            let deadline = timers.waitDeadline(notAfter: lastActivity + idleLimit)
            do {
                switch try stream.read(before: deadline) {
                case .bytes(let bytes):
                    lastActivity = .now
                    pending = session.received(bytes)
                case .closed:
                    _ = session.disconnected()
                    stream.close()
                    return
                case .timedOut:
                    if let timer = timers.popExpired() {
                        pending = session.timerExpired(timer)
                    } else if ContinuousClock.now >= lastActivity + idleLimit {
                        stream.close()
                        return
                    } else {
                        pending = []
                    }
                }
            } catch {
                stream.close()
                return
            }
        }
    }
}
