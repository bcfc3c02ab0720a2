/// Accumulates validation issues with the field checks every rule shares.
///
/// Each check reports at most one issue for its field (the first that applies), so a user
/// sees one clear problem per field, and every field's problem at once.
struct IssueCollector {
    var issues: [ValidationIssue] = []
    /// The detail record being checked, stamped on every issue while set.
    var detailIndex: Int?

    mutating func report(_ code: ErrorCode, _ path: String, _ message: String) {
        issues.append(ValidationIssue(code: code, detailIndex: detailIndex, path: path, message: message))
    }

    /// Digits only, at most (or exactly) `length` of them; optionally required and not all zero.
    mutating func digits(_ value: String, _ path: String, length: Int, exact: Bool = false, required: Bool = true, nonZero: Bool = false) {
        if value.isEmpty {
            if required { report(.missingOrErroneousValue, path, "is required (\(exact ? "" : "up to ")\(length) digits)") }
            return
        }
        guard value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            return report(.invalidFormat, path, "must contain digits only")
        }
        if exact ? value.utf8.count != length : value.utf8.count > length {
            return report(.invalidLength, path, "must be \(exact ? "exactly" : "at most") \(length) digits, got \(value.utf8.count)")
        }
        if nonZero && value.utf8.allSatisfy({ $0 == 48 }) {
            report(.outOfRange, path, "must not be all zeros")
        }
    }

    /// Printable ASCII text of at most `length` characters that does not start with a space.
    mutating func text(_ value: String, _ path: String, length: Int, required: Bool = false, allowed: CharacterRule = .printable) {
        if value.isEmpty {
            if required { report(.missingOrErroneousValue, path, "is required") }
            return
        }
        guard value.utf8.allSatisfy(allowed.accepts) else {
            return report(.invalidFormat, path, "may contain \(allowed.explanation) only")
        }
        if value.utf8.count > length {
            return report(.invalidLength, path, "must be at most \(length) characters, got \(value.utf8.count)")
        }
        if value.utf8.first == 32 { report(.invalidFormat, path, "must not start with a space") }
    }

    /// One of a fixed set of codes (an empty value passes unless required).
    mutating func code(_ value: String, _ path: String, in allowed: Set<String>, required: Bool = true) {
        if value.isEmpty {
            if required { report(.missingOrErroneousValue, path, "is required") }
            return
        }
        if !allowed.contains(value) {
            report(.outOfRange, path, "must be one of \(allowed.sorted().map { "'\($0)'" }.joined(separator: ", "))")
        }
    }

    mutating func range(_ value: Int, _ path: String, _ allowed: ClosedRange<Int>) {
        if !allowed.contains(value) { report(.outOfRange, path, "must be between \(allowed.lowerBound) and \(allowed.upperBound), got \(value)") }
    }

    mutating func amount(_ value: Amount, _ path: String, minimum: Int64 = 0, maximum: Int64 = Amount.maximumDetailAmount.minorUnits) {
        if value.minorUnits < minimum || value.minorUnits > maximum {
            report(.outOfRange, path, "must be between \(minimum) and \(maximum) minor units, got \(value.minorUnits)")
        }
    }

    mutating func date(_ value: LocalDate, _ path: String) {
        if !value.isValid { report(.invalidFormat, path, "is not a valid date") }
    }

    /// A date sent with a two-digit year (`YYMMDD`, `MMDDYY`): it must fall in 2000–2099.
    mutating func shortYearDate(_ value: LocalDate, _ path: String) {
        if !value.isValid { return report(.invalidFormat, path, "is not a valid date") }
        if !(2000...2099).contains(value.year) { report(.outOfRange, path, "must be in the years 2000-2099 (sent with a two-digit year)") }
    }

    /// A date sent as `MMDD`: it must be unambiguous, at most one day after and less than a year
    /// before the batch transmission date.
    mutating func monthDayDate(_ value: LocalDate, _ path: String, transmissionDate: LocalDate) {
        if !value.isValid { return report(.invalidFormat, path, "is not a valid date") }
        guard transmissionDate.isValid else { return }
        let age = transmissionDate.daysSinceEpoch - value.daysSinceEpoch
        if age < -1 || age > 363 {
            report(.outOfRange, path, "must be at most one day after and less than a year (363 days) before the batch transmission date (sent as MMDD)")
        }
    }

    /// `NNN-NNNNNNN`: the class reference's phone format (no leading 1, one hyphen after 3 digits).
    mutating func phone(_ value: String, _ path: String, required: Bool = false) {
        if value.isEmpty {
            if required { report(.missingOrErroneousValue, path, "is required (NNN-NNNNNNN)") }
            return
        }
        let bytes = Array(value.utf8)
        let ok = bytes.count == 11 && bytes[3] == 45
            && bytes.enumerated().allSatisfy { $0.offset == 3 || ($0.element >= 48 && $0.element <= 57) }
        if !ok { report(.invalidFormat, path, "must be a phone number as NNN-NNNNNNN (no leading 1)") }
    }
}

/// Which bytes a text field accepts.
struct CharacterRule: Sendable {
    let accepts: @Sendable (UInt8) -> Bool
    let explanation: String

    /// Printable 7-bit ASCII, space included.
    static let printable = CharacterRule(accepts: { $0 >= 32 && $0 <= 126 }, explanation: "printable ASCII characters")
    /// Letters, digits and spaces.
    static let alphanumericSpace = CharacterRule(
        accepts: { isAlphanumeric($0) || $0 == 32 }, explanation: "letters, digits and spaces")
    /// Letters and digits.
    static let alphanumeric = CharacterRule(accepts: isAlphanumeric, explanation: "letters and digits")
    /// `0`–`9` and `A`–`F` (either case).
    static let hexadecimal = CharacterRule(
        accepts: { ($0 >= 48 && $0 <= 57) || ($0 >= 65 && $0 <= 70) || ($0 >= 97 && $0 <= 102) },
        explanation: "hexadecimal digits")
    /// Uppercase letters.
    static let uppercase = CharacterRule(accepts: { $0 >= 65 && $0 <= 90 }, explanation: "uppercase letters")

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
    }
}
