/// Timers the simulated host asks its transport to run.
public enum HostTimer: Sendable, Hashable {
    /// Time to send the next DC2 while "processing".
    case processingTick
}
