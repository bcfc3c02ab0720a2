/// The wire date formats.
enum WireDateFormat {
    case monthDay  // MMDD
    case monthDayYear  // MMDDYY
    case yearMonthDay  // YYMMDD
    case centuryYearMonthDay  // CCYYMMDD

    /// Digits on the wire.
    var width: Int {
        switch self {
        case .monthDay: 4
        case .monthDayYear, .yearMonthDay: 6
        case .centuryYearMonthDay: 8
        }
    }
}
