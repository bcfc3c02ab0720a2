/// A local wall-clock time, carried on the wire as `HHMMSS`.
public struct TimeOfDay: Sendable, Hashable, Comparable, CustomStringConvertible {
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

    /// Parses `HH:MM` (seconds zero); `nil` for anything else.
    public init?(hourMinute text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
            let hour = Int(String(decoding: bytes[0..<2], as: UTF8.self)), bytes[0..<2].allSatisfy({ (48...57).contains($0) }),
            let minute = Int(String(decoding: bytes[3..<5], as: UTF8.self)), bytes[3..<5].allSatisfy({ (48...57).contains($0) })
        else { return nil }
        self.init(hour: hour, minute: minute, second: 0)
        guard isValid else { return nil }
    }

    /// `HH:MM`.
    public var hourMinute: String { "\(LocalDate.pad(hour, 2)):\(LocalDate.pad(minute, 2))" }

    /// Seconds since midnight.
    public var secondsOfDay: Int { hour * 3600 + minute * 60 + second }

    /// Whether each part is in range (no leap seconds: the host does not accept `60`).
    public var isValid: Bool { (0...23).contains(hour) && (0...59).contains(minute) && (0...59).contains(second) }

    /// `HH:MM:SS`.
    public var iso: String { "\(LocalDate.pad(hour, 2)):\(LocalDate.pad(minute, 2)):\(LocalDate.pad(second, 2))" }

    public var description: String { iso }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.secondsOfDay < rhs.secondsOfDay }
}
