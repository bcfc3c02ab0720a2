/// What a simulated host session asks its transport to do.
public enum HostAction: Sendable, Hashable {
    case send([UInt8])
    case startTimer(HostTimer, Duration)
    case close
}
