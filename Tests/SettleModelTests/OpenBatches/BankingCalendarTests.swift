import SettleModel
import Testing

/// The Federal Reserve Banks' holidays as they publish them, with their weekend rules.
@Suite struct BankingCalendarTests {
    static func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    @Test func weekdaysCountFromAKnownThursday() {
        #expect(Self.date("1970-01-01").weekday == .thursday)
        #expect(Self.date("2026-11-28").weekday == .saturday)
        #expect(Self.date("1969-12-29").weekday == .monday)
        #expect(Self.date("2000-02-29").weekday == .tuesday)
    }

    @Test(arguments: [
        "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-09-07", "2026-10-12", "2026-11-11", "2026-11-26",
        "2026-12-25",
    ])
    func theFederalReserveHolidaysOf2026AreNotBankingDays(holiday: String) {
        #expect(BankingCalendar.isHoliday(Self.date(holiday)))
        #expect(!BankingCalendar.isBankingDay(Self.date(holiday)))
    }

    @Test func aSundayHolidayMovesToMondayAndASaturdayOneIsNotMoved() {
        // New Year's Day 2023 and Juneteenth 2022 were Sundays.
        #expect(!BankingCalendar.isBankingDay(Self.date("2023-01-02")))
        #expect(!BankingCalendar.isBankingDay(Self.date("2022-06-20")))
        // Independence Day 2026 is a Saturday: the Banks are open on Friday 3 July.
        #expect(BankingCalendar.isBankingDay(Self.date("2026-07-03")))
        #expect(!BankingCalendar.isBankingDay(Self.date("2026-07-04")))
    }

    @Test func juneteenthIsAHolidayFrom2022() {
        #expect(BankingCalendar.isBankingDay(Self.date("2020-06-19")))
        #expect(!BankingCalendar.isBankingDay(Self.date("2023-06-19")))
    }

    @Test func ordinaryWeekdaysAreBankingDaysAndWeekendsAreNot() {
        #expect(BankingCalendar.isBankingDay(Self.date("2026-11-27")))
        #expect(!BankingCalendar.isBankingDay(Self.date("2026-11-28")))
        #expect(!BankingCalendar.isBankingDay(Self.date("2026-11-29")))
        #expect(BankingCalendar.isBankingDay(Self.date("2026-11-30")))
    }
}
