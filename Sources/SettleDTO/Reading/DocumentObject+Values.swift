import SettleJSON
import SettleModel

/// Typed accessors: each records a problem at the field's pointer and returns a placeholder.
/// Each looks its member up once and hands what it found to the `read` functions below.
extension DocumentObject {
    func string(_ key: StaticString, default fallback: String? = nil, _ issues: inout IssueList) -> String {
        readString(member(key), key, default: fallback, &issues)
    }

    func optionalString(_ key: StaticString, _ issues: inout IssueList) -> String? {
        guard let found = member(key) else { return nil }
        return readString(found, key, default: "", &issues)
    }

    func integer(_ key: StaticString, default fallback: Int64? = nil, _ issues: inout IssueList) -> Int64 {
        readInteger(member(key), key, default: fallback, &issues)
    }

    func int(_ key: StaticString, default fallback: Int? = nil, _ issues: inout IssueList) -> Int {
        Int(clamping: integer(key, default: fallback.map(Int64.init), &issues))
    }

    func amount(_ key: StaticString, default fallback: Amount? = nil, _ issues: inout IssueList) -> Amount {
        Amount(minorUnits: integer(key, default: fallback?.minorUnits, &issues))
    }

    func optionalAmount(_ key: StaticString, _ issues: inout IssueList) -> Amount? {
        guard let found = member(key) else { return nil }
        return Amount(minorUnits: readInteger(found, key, default: 0, &issues))
    }

    func bool(_ key: StaticString, default fallback: Bool, _ issues: inout IssueList) -> Bool {
        guard let found = member(key) else { return fallback }
        switch tape.kind(at: found) {
        case .true: return true
        case .false: return false
        default:
            issues.add(.invalidFormat, path(key), "must be true or false, got \(JSONElement(tape: tape, index: found).typeName)")
            return fallback
        }
    }

    func date(_ key: StaticString, default fallback: LocalDate? = nil, _ issues: inout IssueList) -> LocalDate {
        readDate(member(key), key, default: fallback, &issues)
    }

    func optionalDate(_ key: StaticString, _ issues: inout IssueList) -> LocalDate? {
        guard let found = member(key) else { return nil }
        return readDate(found, key, default: nil, &issues)
    }

    func time(_ key: StaticString, _ issues: inout IssueList) -> TimeOfDay {
        let text = string(key, &issues)
        guard !text.isEmpty else { return TimeOfDay(hour: 0, minute: 0, second: 0) }
        guard let time = TimeOfDay(iso: text) else {
            issues.add(.invalidFormat, path(key), "must be a time as HH:MM:SS")
            return TimeOfDay(hour: 0, minute: 0, second: 0)
        }
        return time
    }

    func choice<T: RawRepresentable & CaseIterable>(_ key: StaticString, default fallback: T? = nil, _ issues: inout IssueList) -> T?
    where T.RawValue == String {
        let found = member(key)
        guard found != nil || fallback == nil else { return fallback }
        let text = readString(found, key, default: nil, &issues)
        guard !text.isEmpty else { return fallback }
        guard let value = T(rawValue: text) else {
            issues.add(.outOfRange, path(key), "must be one of " + T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))
            return fallback
        }
        return value
    }

    private func readString(_ found: Int?, _ key: StaticString, default fallback: String?, _ issues: inout IssueList) -> String {
        guard let found else {
            if fallback == nil { issues.add(.missingOrErroneousValue, path(key), "is required") }
            return fallback ?? ""
        }
        guard tape.kind(at: found) == .string else {
            issues.add(.invalidFormat, path(key), "must be a string, got \(JSONElement(tape: tape, index: found).typeName)")
            return fallback ?? ""
        }
        return tape.string(at: found)
    }

    private func readInteger(_ found: Int?, _ key: StaticString, default fallback: Int64?, _ issues: inout IssueList) -> Int64 {
        guard let found else {
            if fallback == nil { issues.add(.missingOrErroneousValue, path(key), "is required") }
            return fallback ?? 0
        }
        if let integer = tape.integer(at: found) { return integer }
        if let number = tape.number(at: found) {
            // An integer too long for 64 bits is read as a Double: a limit, not a format error.
            if number == number.rounded() && number.magnitude >= 0x1p63 {
                issues.add(.limitExceeded, path(key), "is beyond what a field can hold (whole numbers up to 9223372036854775807)")
            } else {
                issues.add(.invalidFormat, path(key), "must be a whole number (amounts are integers in minor units)")
            }
        } else {
            issues.add(.invalidFormat, path(key), "must be a number, got \(JSONElement(tape: tape, index: found).typeName)")
        }
        return fallback ?? 0
    }

    private func readDate(_ found: Int?, _ key: StaticString, default fallback: LocalDate?, _ issues: inout IssueList) -> LocalDate {
        let placeholder = fallback ?? LocalDate.placeholder
        guard found != nil || fallback == nil else { return placeholder }
        let text = readString(found, key, default: fallback == nil ? nil : "", &issues)
        guard !text.isEmpty else { return placeholder }
        guard let date = LocalDate(iso: text) else {
            issues.add(.invalidFormat, path(key), "must be a date as YYYY-MM-DD")
            return placeholder
        }
        return date
    }
}
