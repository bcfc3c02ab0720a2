import Foundation

/// Resident memory readings from /proc (Linux).
enum Memory {
    /// Resets the kernel's peak-resident mark to the current size and returns that size in bytes.
    static func resetPeak() -> Int {
        // Writing 5 to clear_refs resets VmHWM (Linux 4.0+).
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        return field("VmRSS")
    }

    /// The peak resident size since the last reset, in bytes.
    static func peakResident() -> Int { field("VmHWM") }

    private static func field(_ name: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
            let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kilobytes * 1024
        }
        return 0
    }
}
