import Foundation
import SettleJSON
import SettleModel

/// Reads a merchant profile's `cutoff` object into a ``CutoffSchedule``.
struct CutoffReader {
    static let keys: KeySet = ["timeZone", "times", "days", "skip"]
    /// More times a day than this is a mistake, not a schedule.
    static let maximumTimes = 24
    /// A year and a half of skipped dates.
    static let maximumSkipped = 550

    /// Identifiers of the system's time zone database (`/usr/share/zoneinfo`), read once.
    static let knownZones = Set(TimeZone.knownTimeZoneIdentifiers)

    func read(_ object: DocumentObject, _ issues: inout IssueList) -> CutoffSchedule? {
        let c = object.reading(Self.keys, &issues)
        let zoneName = c.string("timeZone", &issues)
        var zone: TimeZone?
        if !zoneName.isEmpty {
            zone = Self.knownZones.contains(zoneName) || zoneName == "UTC" ? TimeZone(identifier: zoneName) : nil
            if zone == nil {
                issues.add(
                    .outOfRange, c.path("timeZone"),
                    "must be an IANA time zone such as America/New_York (the system's zone database has no '\(zoneName.prefix(64))')")
            }
        }
        var times: [TimeOfDay] = []
        if let elements = c.array("times", required: true, &issues) {
            if elements.isEmpty { issues.add(.missingOrErroneousValue, c.path("times"), "needs at least one time") }
            if elements.count > Self.maximumTimes { issues.add(.invalidLength, c.path("times"), "has more than \(Self.maximumTimes) times") }
            for (index, element) in elements.prefix(Self.maximumTimes).enumerated() {
                guard let text = element.string, let time = TimeOfDay(hourMinute: text) else {
                    issues.add(.invalidFormat, c.path("times") + "/\(index)", "must be a time of day as HH:MM (24-hour)")
                    continue
                }
                if times.contains(time) { issues.add(.invalidFormat, c.path("times") + "/\(index)", "appears twice") }
                times.append(time)
            }
        }
        let days: CutoffDays = c.choice("days", default: .every, &issues) ?? .every
        var skip = Set<LocalDate>()
        if let elements = c.array("skip", &issues) {
            if elements.count > Self.maximumSkipped { issues.add(.invalidLength, c.path("skip"), "has more than \(Self.maximumSkipped) dates") }
            for (index, element) in elements.prefix(Self.maximumSkipped).enumerated() {
                guard let text = element.string, let date = LocalDate(iso: text) else {
                    issues.add(.invalidFormat, c.path("skip") + "/\(index)", "must be a date as YYYY-MM-DD")
                    continue
                }
                skip.insert(date)
            }
        }
        guard let zone, !times.isEmpty else { return nil }
        return CutoffSchedule(timeZone: zone, times: times, days: days, skip: skip)
    }
}
