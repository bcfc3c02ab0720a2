import Logging
import SettleModel
import SettleTransport

/// Sends link events to a swift-log `Logger`: weakened security as warnings, failures as
/// errors, connection steps at debug and packets at trace, every text masked as the trace is.
public enum LinkEventLog {
    /// An observer that logs each event with `link.event` metadata naming its kind.
    public static func observer(_ logger: Logger, profile: WireProfile = .standard) -> LinkEventObserver {
        { event in
            let (level, kind): (Logger.Level, String) =
                switch event {
                case .warning: (.warning, "warning")
                case .error: (.error, "error")
                case .packetOut: (.trace, "packet-out")
                case .packetIn: (.trace, "packet-in")
                case .connected: (.debug, "connected")
                case .tlsEstablished: (.debug, "tls-status")
                case .serverCertificate: (.debug, "server-authentication")
                case .disconnected: (.debug, "disconnected")
                }
            guard logger.logLevel <= level else { return }
            logger.log(level: level, "\(PacketTrace.line(for: event, profile: profile))", metadata: ["link.event": "\(kind)"])
        }
    }

    /// Both observers, either of which may be absent.
    static func combine(_ first: LinkEventObserver?, _ second: LinkEventObserver?) -> LinkEventObserver? {
        guard let first else { return second }
        guard let second else { return first }
        return { event in
            first(event)
            second(event)
        }
    }
}
