extension Duration {
    /// The duration in whole milliseconds (rounded towards zero), saturating at the bounds of
    /// `Int64` instead of trapping: a timeout is configuration a library caller may set to
    /// anything, and `poll` and libcurl want milliseconds.
    var saturatingMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1000)
        if overflow { return seconds < 0 ? .min : .max }
        let (total, carried) = whole.addingReportingOverflow(attoseconds / 1_000_000_000_000_000)
        return carried ? (whole < 0 ? .min : .max) : total
    }
}
