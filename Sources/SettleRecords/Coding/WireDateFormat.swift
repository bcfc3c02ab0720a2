/// The wire date formats.
enum WireDateFormat {
    case monthDay  // MMDD
    case monthDayYear  // MMDDYY
    case yearMonthDay  // YYMMDD
}
