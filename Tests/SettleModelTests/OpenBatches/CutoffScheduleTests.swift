import Foundation
import SettleModel
import Testing

/// Cutoffs are wall-clock times in the merchant's zone: each closes once on every day it applies
/// to, whatever the clocks do that night. Expected instants are worked out by hand from the zone
/// rules (New York: clocks forward 2026-03-08 02:00, back 2026-11-01 02:00; Berlin: 2026-03-29
/// 02:00 and 2026-10-25 03:00).
@Suite struct CutoffScheduleTests {
    static func utc(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }
    static func schedule(_ zone: String, _ times: [String], days: CutoffDays = .every, skip: [String] = []) -> CutoffSchedule {
        CutoffSchedule(
            timeZone: TimeZone(identifier: zone)!, times: times.map { TimeOfDay(hourMinute: $0)! }, days: days,
            skip: Set(skip.map { LocalDate(iso: $0)! }))
    }

    /// Each cutoff in turn from `start`.
    static func cutoffs(_ schedule: CutoffSchedule, from start: String, count: Int) -> [Date] {
        var instant = utc(start)
        return (0..<count).map { _ in
            instant = schedule.next(after: instant)!
            return instant
        }
    }

    @Test func anEveningCutoffFollowsTheWallClockAcrossTheSpringChange() {
        let cutoffs = Self.cutoffs(Self.schedule("America/New_York", ["23:00"]), from: "2026-03-07T12:00:00Z", count: 3)
        #expect(cutoffs == ["2026-03-08T04:00:00Z", "2026-03-09T03:00:00Z", "2026-03-10T03:00:00Z"].map(Self.utc))
        #expect(cutoffs[1].timeIntervalSince(cutoffs[0]) == 23 * 3600, "the day of the change is 23 hours long")
    }

    @Test func anEveningCutoffFollowsTheWallClockAcrossTheAutumnChange() {
        let cutoffs = Self.cutoffs(Self.schedule("America/New_York", ["23:00"]), from: "2026-10-31T12:00:00Z", count: 2)
        #expect(cutoffs == ["2026-11-01T03:00:00Z", "2026-11-02T04:00:00Z"].map(Self.utc))
        #expect(cutoffs[1].timeIntervalSince(cutoffs[0]) == 25 * 3600)
    }

    @Test func aTimeTheClocksSkipClosesAtTheChange() {
        let cutoffs = Self.cutoffs(Self.schedule("America/New_York", ["02:30"]), from: "2026-03-07T12:00:00Z", count: 2)
        // 02:30 does not exist on 8 March: the clocks go from 01:59:59 EST to 03:00 EDT at 07:00 UTC.
        #expect(cutoffs == ["2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z"].map(Self.utc))
    }

    @Test func aTimeTheClocksRepeatClosesOnceAtItsFirstOccurrence() {
        let cutoffs = Self.cutoffs(Self.schedule("America/New_York", ["01:30"]), from: "2026-10-31T12:00:00Z", count: 2)
        // 01:30 happens twice on 1 November: 05:30 UTC (EDT) and 06:30 UTC (EST). Only the first closes.
        #expect(cutoffs == ["2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"].map(Self.utc))
    }

    @Test func berlinChangesOnItsOwnDates() {
        let spring = Self.cutoffs(Self.schedule("Europe/Berlin", ["02:15", "22:00"]), from: "2026-03-28T22:00:00Z", count: 3)
        #expect(spring == ["2026-03-29T01:00:00Z", "2026-03-29T20:00:00Z", "2026-03-30T00:15:00Z"].map(Self.utc))
        let autumn = Self.cutoffs(Self.schedule("Europe/Berlin", ["02:15"]), from: "2026-10-24T12:00:00Z", count: 2)
        #expect(autumn == ["2026-10-25T00:15:00Z", "2026-10-26T01:15:00Z"].map(Self.utc))
    }

    @Test func severalTimesCloseInOrderWhateverOrderTheyWereGivenIn() {
        let schedule = Self.schedule("UTC", ["17:00", "09:00", "17:00"])
        #expect(schedule.times.map(\.hourMinute) == ["09:00", "17:00"])
        #expect(
            Self.cutoffs(schedule, from: "2026-06-01T09:00:00Z", count: 3)
                == ["2026-06-01T17:00:00Z", "2026-06-02T09:00:00Z", "2026-06-02T17:00:00Z"].map(Self.utc),
            "a cutoff at the very instant asked about is not the next one")
    }

    @Test func bankingDaysPassOverWeekendsAndHolidays() {
        let schedule = Self.schedule("America/Chicago", ["20:00"], days: .banking)
        // Friday 16 January 2026 after its cutoff: Monday the 19th is Martin Luther King Day.
        #expect(schedule.next(after: Self.utc("2026-01-17T03:00:00Z")) == Self.utc("2026-01-21T02:00:00Z"))
        // Thanksgiving (26 November) and the weekend after it.
        #expect(
            Self.cutoffs(schedule, from: "2026-11-25T12:00:00Z", count: 3)
                == [
                    "2026-11-26T02:00:00Z", "2026-11-28T02:00:00Z", "2026-12-01T02:00:00Z",
                ].map(Self.utc))
    }

    @Test func skippedDatesHaveNoCutoff() {
        let schedule = Self.schedule("America/Los_Angeles", ["21:00"], skip: ["2026-12-24", "2026-12-25"])
        #expect(!schedule.closes(on: LocalDate(iso: "2026-12-24")!) && schedule.closes(on: LocalDate(iso: "2026-12-26")!))
        #expect(schedule.next(after: Self.utc("2026-12-23T12:00:00Z")) == Self.utc("2026-12-24T05:00:00Z"))
        #expect(schedule.next(after: Self.utc("2026-12-24T05:00:00Z")) == Self.utc("2026-12-27T05:00:00Z"))
    }

    @Test func theLocalDateIsTheZonesDate() {
        let schedule = Self.schedule("Pacific/Auckland", ["12:00"])
        #expect(schedule.localDate(of: Self.utc("2026-11-28T12:30:00Z")) == LocalDate(iso: "2026-11-29"))
        #expect(Self.schedule("America/New_York", ["12:00"]).localDate(of: Self.utc("2026-11-28T03:00:00Z")) == LocalDate(iso: "2026-11-27"))
    }

    @Test func aScheduleWhoseEveryDateIsSkippedHasNoNextCutoffRatherThanLooping() {
        var schedule = Self.schedule("UTC", ["12:00"])
        let start = LocalDate(iso: "2026-01-01")!
        schedule.skip = Set((0..<3700).map { start.adding(days: $0) })
        #expect(schedule.next(after: Self.utc("2026-01-01T00:00:00Z")) == nil)
    }
}
