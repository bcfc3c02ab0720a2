/// Which local dates a merchant's batch closes on.
public enum CutoffDays: String, Sendable, Hashable, CaseIterable {
    /// Every day of the week.
    case every
    /// Monday to Friday, except the days the Federal Reserve Banks are closed (see
    /// ``BankingCalendar``): the days deposits are funded.
    case banking

    /// Whether the batch closes on `date` (before the profile's own skipped dates).
    public func includes(_ date: LocalDate) -> Bool {
        switch self {
        case .every: true
        case .banking: BankingCalendar.isBankingDay(date)
        }
    }
}
