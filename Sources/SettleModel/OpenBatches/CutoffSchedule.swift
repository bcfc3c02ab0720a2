import Foundation

/// When a merchant's open batch closes: at each of `times` (wall-clock, in `timeZone`) on the
/// local dates `days` allows, except the dates in `skip`.
///
/// Wall-clock times meet daylight-saving changes twice a year. A time the clocks skip (02:30 on
/// the night they go forward) closes at the change itself, the first moment the local day is
/// past it; a time they repeat (01:30 on the night they go back) closes once, at its first
/// occurrence. So each listed time closes exactly once on every day it applies to.
public struct CutoffSchedule: Sendable, Hashable {
    /// An IANA time zone (`America/New_York`), the merchant's.
    public var timeZone: TimeZone
    /// At least one, in order, no two equal.
    public var times: [TimeOfDay]
    public var days: CutoffDays
    /// Local dates with no close (a holiday the merchant keeps, say): captures wait for the next.
    public var skip: Set<LocalDate>

    /// `times` are sorted and repeats dropped.
    public init(timeZone: TimeZone, times: [TimeOfDay], days: CutoffDays = .every, skip: Set<LocalDate> = []) {
        self.timeZone = timeZone
        self.times = Array(Set(times)).sorted()
        self.days = days
        self.skip = skip
    }

    /// Whether the batch closes on local date `date`.
    public func closes(on date: LocalDate) -> Bool { days.includes(date) && !skip.contains(date) }

    /// The first cutoff strictly after `instant`. Every schedule has one: `times` is not empty,
    /// banking days recur, and `skip` is finite (the search still stops after ten years of
    /// dates, returning nil, so a schedule read from elsewhere cannot loop).
    public func next(after instant: Date) -> Date? {
        guard !times.isEmpty else { return nil }
        // From the day before the local date: a cutoff resolved across a change can fall on the
        // other side of midnight.
        var date = localDate(of: instant).adding(days: -1)
        for _ in 0..<3660 {
            if closes(on: date) {
                for time in times {
                    let cutoff = self.instant(of: date, at: time)
                    if cutoff > instant { return cutoff }
                }
            }
            date = date.adding(days: 1)
        }
        return nil
    }

    /// The local date at `instant` in the schedule's zone.
    public func localDate(of instant: Date) -> LocalDate { LocalDate(instant, in: timeZone) }

    /// The instant the wall clock in the zone reads `time` on `date`: the earlier of two when the
    /// time repeats, the change itself when the clocks skip it.
    public func instant(of date: LocalDate, at time: TimeOfDay) -> Date {
        let wall = date.daysSinceEpoch * 86_400 + time.secondsOfDay
        let offsets = Set([-86_400, 0, 86_400].map { timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(wall + $0))) })
        let matching = offsets.map { wall - $0 }.filter { offset(at: $0) == wall - $0 }
        if let earliest = matching.min() { return Date(timeIntervalSince1970: TimeInterval(earliest)) }
        // Skipped: the first second whose wall-clock reading is past `time`, found by bisection
        // between the readings under the offsets before and after the change.
        var low = wall - (offsets.max() ?? 0), high = wall - (offsets.min() ?? 0)
        while low < high {
            let middle = low + (high - low) / 2
            if middle + offset(at: middle) >= wall { high = middle } else { low = middle + 1 }
        }
        return Date(timeIntervalSince1970: TimeInterval(low))
    }

    private func offset(at second: Int) -> Int { timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(second))) }
}
