/// United States banking days: Monday to Friday, except the Federal Reserve Banks' holidays.
///
/// The Federal Reserve observes a holiday that falls on a Sunday on the Monday after it; one that
/// falls on a Saturday is not moved (the Banks are open on the Friday before). Juneteenth is a
/// holiday from 2022, the first year the Banks closed for it on its own date.
public enum BankingCalendar {
    public static func isBankingDay(_ date: LocalDate) -> Bool {
        let weekday = date.weekday
        guard weekday != .saturday && weekday != .sunday else { return false }
        return !isHoliday(date)
    }

    /// Whether the Federal Reserve Banks are closed on `date` for a holiday (as observed).
    public static func isHoliday(_ date: LocalDate) -> Bool {
        let year = date.year
        var fixed = [(1, 1), (7, 4), (11, 11), (12, 25)]
        if year >= 2022 { fixed.append((6, 19)) }
        for (month, day) in fixed {
            let holiday = LocalDate(year: year, month: month, day: day)
            if holiday == date { return holiday.weekday != .saturday && holiday.weekday != .sunday }
            if holiday.weekday == .sunday && holiday.adding(days: 1) == date { return true }
        }
        let floating = [
            nth(3, .monday, of: 1, in: year),  // Birthday of Martin Luther King, Jr.
            nth(3, .monday, of: 2, in: year),  // Washington's Birthday
            last(.monday, of: 5, in: year),  // Memorial Day
            nth(1, .monday, of: 9, in: year),  // Labor Day
            nth(2, .monday, of: 10, in: year),  // Columbus Day
            nth(4, .thursday, of: 11, in: year),  // Thanksgiving Day
        ]
        return floating.contains(date)
    }

    /// The `n`th `weekday` of `month` (1-based).
    static func nth(_ n: Int, _ weekday: Weekday, of month: Int, in year: Int) -> LocalDate {
        let first = LocalDate(year: year, month: month, day: 1)
        let offset = (weekday.rawValue - first.weekday.rawValue + 7) % 7
        return first.adding(days: offset + 7 * (n - 1))
    }

    /// The last `weekday` of `month`.
    static func last(_ weekday: Weekday, of month: Int, in year: Int) -> LocalDate {
        let lastDay = LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))
        return lastDay.adding(days: -((lastDay.weekday.rawValue - weekday.rawValue + 7) % 7))
    }
}

/// A day of the week, Monday first (ISO 8601 numbering).
public enum Weekday: Int, Sendable, Hashable, CaseIterable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday
}

extension LocalDate {
    /// The day of the week (1970-01-01 was a Thursday).
    public var weekday: Weekday {
        let days = daysSinceEpoch
        // Days since a Monday, kept non-negative for dates before 1970.
        let sinceMonday = ((days + 3) % 7 + 7) % 7
        return Weekday(rawValue: sinceMonday + 1)!
    }
}
