import SettleFraming
import SettleTransport

/// Runs a ``HostSession`` over one client's ``ByteStream`` until either side closes.
enum HostDriver {
    static func run(_ session: inout HostSession, over stream: any ByteStream, idleLimit: Duration = .seconds(120)) {
        var timers: [HostTimer: ContinuousClock.Instant] = [:]
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
                case .startTimer(let timer, let duration): timers[timer] = .now + duration
                case .close:
                    stream.close()
                    return
                }
            }
            let earliest = timers.min { $0.value < $1.value }
            let deadline = min(earliest?.value ?? lastActivity + idleLimit, lastActivity + idleLimit)
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
                    if let earliest, earliest.value <= .now {
                        timers[earliest.key] = nil
                        pending = session.timerExpired(earliest.key)
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
