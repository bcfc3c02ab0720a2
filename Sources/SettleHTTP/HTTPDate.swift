import Foundation

/// IMF-fixdate (RFC 9110 §5.6.7), e.g. `Thu, 26 Nov 2026 20:54:10 GMT`.
enum HTTPDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    // A fixed Gregorian calendar in UTC: no locale, and English names from the tables above.
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func format(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute, .second], from: date)
        let (year, month, day, weekday) = (c.year ?? 1970, c.month ?? 1, c.day ?? 1, c.weekday ?? 1)
        return "\(days[weekday - 1]), \(pad(day)) \(months[month - 1]) \(year) \(pad(c.hour ?? 0)):\(pad(c.minute ?? 0)):\(pad(c.second ?? 0)) GMT"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
