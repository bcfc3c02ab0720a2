/// What a link session asks its transport to do. The session itself does no I/O, so the
/// same protocol runs over TLS sockets, scripted byte streams in tests, or the simulator.
public enum LinkAction: Sendable, Hashable {
    /// Write these bytes (a block, or a control character) to the host.
    case send([UInt8])
    /// (Re)start a timer; when it expires, call `timerExpired`.
    case startTimer(LinkTimer, Duration)
    /// Stop a timer.
    case cancelTimer(LinkTimer)
    /// Close the connection.
    case close
    /// The settlement is over: stop reading and report the result.
    case finish(LinkResult)
}
