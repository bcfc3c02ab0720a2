import Foundation
import Testing

@testable import SettleHTTPCore

/// The Date field's text, from the C library's breakdown, agrees with Foundation's own formatting
/// across leap years, centuries, month ends and times before 1970.
@Suite struct HTTPDateTests {
    static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }()

    @Test(arguments: [
        0.0, 59.9, 86_399, 86_400, 951_782_400, 951_868_799, 1_709_164_800, 4_107_542_400, 1_795_640_050, -1, -86_401, -2_208_988_800,
        253_402_300_799,
    ])
    func matchesFoundation(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(HTTPDate.format(date) == Self.formatter.string(from: date))
    }

    @Test func everyDayOfFourHundredYearsMatches() {
        // One date a day, at a varying time, from 1900 to 2300.
        var day = -25_567
        while day < 120_000 {
            let date = Date(timeIntervalSince1970: Double(day * 86_400 + (day * 7_919) % 86_400))
            guard HTTPDate.format(date) == Self.formatter.string(from: date) else {
                Issue.record("day \(day): \(HTTPDate.format(date)) vs \(Self.formatter.string(from: date))")
                return
            }
            day += 1
        }
    }
}
