/// Accumulates validation issues with the field checks every rule shares.
///
/// Each check reports at most one issue for its field (the first that applies), so a user
/// sees one clear problem per field, and every field's problem at once.
struct IssueCollector {
    var issues: [ValidationIssue] = []
    /// The detail record being checked, stamped on every issue while set.
    var detailIndex: Int?

    mutating func report(_ code: ErrorCode, _ path: @autoclosure () -> JSONPath, _ message: @autoclosure () -> String) {
        issues.append(ValidationIssue(code: code, detailIndex: detailIndex, path: path().rendered, message: message()))
    }

    /// Digits only, at most (or exactly) `length` of them; optionally required and not all zero.
    mutating func digits(
        _ value: String, _ path: @autoclosure () -> JSONPath, length: Int, exact: Bool = false, required: Bool = true, nonZero: Bool = false
    ) {
        if value.isEmpty {
            if required { report(.missingOrErroneousValue, path(), "is required (\(exact ? "" : "up to ")\(length) digits)") }
            return
        }
        guard CharacterRule.digits.acceptsAll(value) else {
            return report(.invalidFormat, path(), "must contain digits only")
        }
        if exact ? value.utf8.count != length : value.utf8.count > length {
            return report(.invalidLength, path(), "must be \(exact ? "exactly" : "at most") \(length) digits, got \(value.utf8.count)")
        }
        if nonZero && value.utf8.allSatisfy({ $0 == 48 }) {
            report(.outOfRange, path(), "must not be all zeros")
        }
    }

    /// Printable ASCII text of at most `length` characters that does not start with a space.
    mutating func text(
        _ value: String, _ path: @autoclosure () -> JSONPath, length: Int, required: Bool = false, allowed: CharacterRule = .printable
    ) {
        // One pass over the bytes: count, character class and leading space.
        let (count, accepted, leadingSpace) =
            value.utf8.withContiguousStorageIfAvailable { bytes in
                var accepted = true
                for byte in bytes { accepted = accepted && allowed.accepts(byte) }
                return (bytes.count, accepted, bytes.first == 0x20)
            } ?? (value.utf8.count, allowed.acceptsAll(value), value.utf8.first == 0x20)
        if count == 0 {
            if required { report(.missingOrErroneousValue, path(), "is required") }
            return
        }
        guard accepted else { return report(.invalidFormat, path(), "may contain \(allowed.explanation) only") }
        if count > length { return report(.invalidLength, path(), "must be at most \(length) characters, got \(count)") }
        if leadingSpace { report(.invalidFormat, path(), "must not start with a space") }
    }

    /// One of a fixed set of codes (an empty value passes unless required).
    mutating func code(_ value: String, _ path: @autoclosure () -> JSONPath, in allowed: CodeSet, required: Bool = true) {
        if value.isEmpty {
            if required { report(.missingOrErroneousValue, path(), "is required") }
            return
        }
        if !allowed.contains(value) { report(.outOfRange, path(), "must be one of \(allowed.listing)") }
    }

    mutating func range(_ value: Int, _ path: @autoclosure () -> JSONPath, _ allowed: ClosedRange<Int>) {
        if !allowed.contains(value) { report(.outOfRange, path(), "must be between \(allowed.lowerBound) and \(allowed.upperBound), got \(value)") }
    }

    /// Whether the amount is within its range (a problem is reported when it is not), so a
    /// rule that computes with it can run only on an amount that passed.
    @discardableResult
    mutating func amount(
        _ value: Amount, _ path: @autoclosure () -> JSONPath, minimum: Int64 = 0, maximum: Int64 = Amount.maximumDetailAmount.minorUnits
    ) -> Bool {
        if value.minorUnits < minimum || value.minorUnits > maximum {
            report(.outOfRange, path(), "must be between \(minimum) and \(maximum) minor units, got \(value.minorUnits)")
            return false
        }
        return true
    }

    mutating func date(_ value: LocalDate, _ path: @autoclosure () -> JSONPath) {
        if !value.isValid { report(.invalidFormat, path(), "is not a valid date") }
    }

    /// A date sent with a two-digit year (`YYMMDD`, `MMDDYY`): it must fall in 2000–2099.
    mutating func shortYearDate(_ value: LocalDate, _ path: @autoclosure () -> JSONPath) {
        if !value.isValid { return report(.invalidFormat, path(), "is not a valid date") }
        if !(2000...2099).contains(value.year) { report(.outOfRange, path(), "must be in the years 2000-2099 (sent with a two-digit year)") }
    }

    /// A date sent as `MMDD`: it must be unambiguous, at most one day after and less than a year
    /// before the batch transmission date.
    mutating func monthDayDate(_ value: LocalDate, _ path: @autoclosure () -> JSONPath, transmissionDate: LocalDate) {
        if !value.isValid { return report(.invalidFormat, path(), "is not a valid date") }
        guard transmissionDate.isValid else { return }
        let age = transmissionDate.daysSinceEpoch - value.daysSinceEpoch
        if age < -1 || age > 363 {
            report(
                .outOfRange, path(), "must be at most one day after and less than a year (363 days) before the batch transmission date (sent as MMDD)"
            )
        }
    }

    /// `NNN-NNNNNNN`: the class reference's phone format (no leading 1, one hyphen after 3 digits).
    mutating func phone(_ value: String, _ path: @autoclosure () -> JSONPath, required: Bool = false) {
        if value.isEmpty {
            if required { report(.missingOrErroneousValue, path(), "is required (NNN-NNNNNNN)") }
            return
        }
        let bytes = Array(value.utf8)
        let ok =
            bytes.count == 11 && bytes[3] == 45
            && bytes.enumerated().allSatisfy { $0.offset == 3 || ($0.element >= 48 && $0.element <= 57) }
        if !ok { report(.invalidFormat, path(), "must be a phone number as NNN-NNNNNNN (no leading 1)") }
    }

    /// Free text that would carry the detail's card number in the clear: the masker hides the
    /// card number field of a record, not a copy of it elsewhere, so such text is refused.
    mutating func withoutCardNumber(_ value: String, _ path: @autoclosure () -> JSONPath, card: String) {
        guard card.utf8.count >= 12, value.utf8.count >= card.utf8.count, value.contains(card) else { return }
        report(.missingOrErroneousValue, path(), "holds the card number; card numbers go in cardNumber only, where they are masked")
    }
}
