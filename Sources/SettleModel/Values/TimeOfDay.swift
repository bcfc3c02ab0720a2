/// A local wall-clock time, carried on the wire as `HHMMSS`.
public struct TimeOfDay: Sendable, Hashable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(hour: Int, minute: Int, second: Int) {
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Parses `HH:MM:SS`; `nil` for anything else, including out-of-range parts.
    public init?(iso text: String) {
        guard let (h, m, s) = ThreePartNumber.parse(text, separator: UInt8(ascii: ":"), widths: (2, 2, 2)) else { return nil }
        self.init(hour: h, minute: m, second: s)
        guard isValid else { return nil }
    }

    /// Whether each part is in range (no leap seconds: the host does not accept `60`).
    public var isValid: Bool { (0...23).contains(hour) && (0...59).contains(minute) && (0...59).contains(second) }

    /// `HH:MM:SS`.
    public var iso: String { "\(LocalDate.pad(hour, 2)):\(LocalDate.pad(minute, 2)):\(LocalDate.pad(second, 2))" }

    public var description: String { iso }
}
