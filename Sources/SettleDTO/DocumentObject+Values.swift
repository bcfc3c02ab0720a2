import SettleModel

/// Typed accessors: each records a problem at the field's pointer and returns a placeholder.
extension DocumentObject {
    func string(_ key: String, default fallback: String? = nil, _ issues: inout IssueList) -> String {
        switch value(key)?.scalar {
        case .none:
            if fallback == nil { issues.add(.missingOrErroneousValue, path(key), "is required") }
            return fallback ?? ""
        case .string(let text): return text
        case .some(let other):
            issues.add(.invalidFormat, path(key), "must be a string, got \(other.typeName)")
            return fallback ?? ""
        }
    }

    func optionalString(_ key: String, _ issues: inout IssueList) -> String? {
        has(key) ? string(key, default: "", &issues) : nil
    }

    func integer(_ key: String, default fallback: Int64? = nil, _ issues: inout IssueList) -> Int64 {
        switch value(key)?.scalar {
        case .none:
            if fallback == nil { issues.add(.missingOrErroneousValue, path(key), "is required") }
            return fallback ?? 0
        case .integer(let number): return number
        case .number:
            issues.add(.invalidFormat, path(key), "must be a whole number (amounts are integers in minor units)")
            return fallback ?? 0
        case .some(let other):
            issues.add(.invalidFormat, path(key), "must be a number, got \(other.typeName)")
            return fallback ?? 0
        }
    }

    func int(_ key: String, default fallback: Int? = nil, _ issues: inout IssueList) -> Int {
        let wide = integer(key, default: fallback.map(Int64.init), &issues)
        return Int(clamping: wide)
    }

    func amount(_ key: String, default fallback: Amount? = nil, _ issues: inout IssueList) -> Amount {
        Amount(minorUnits: integer(key, default: fallback?.minorUnits, &issues))
    }

    func optionalAmount(_ key: String, _ issues: inout IssueList) -> Amount? {
        has(key) ? amount(key, default: .zero, &issues) : nil
    }

    func bool(_ key: String, default fallback: Bool, _ issues: inout IssueList) -> Bool {
        switch value(key)?.scalar {
        case .none: return fallback
        case .bool(let flag): return flag
        case .some(let other):
            issues.add(.invalidFormat, path(key), "must be true or false, got \(other.typeName)")
            return fallback
        }
    }

    func date(_ key: String, default fallback: LocalDate? = nil, _ issues: inout IssueList) -> LocalDate {
        let placeholder = fallback ?? LocalDate.placeholder
        guard has(key) || fallback == nil else { return placeholder }
        let text = string(key, default: fallback == nil ? nil : "", &issues)
        guard !text.isEmpty else { return placeholder }
        guard let date = LocalDate(iso: text) else {
            issues.add(.invalidFormat, path(key), "must be a date as YYYY-MM-DD")
            return placeholder
        }
        return date
    }

    func optionalDate(_ key: String, _ issues: inout IssueList) -> LocalDate? {
        has(key) ? date(key, &issues) : nil
    }

    func time(_ key: String, _ issues: inout IssueList) -> TimeOfDay {
        let text = string(key, &issues)
        guard !text.isEmpty else { return TimeOfDay(hour: 0, minute: 0, second: 0) }
        guard let time = TimeOfDay(iso: text) else {
            issues.add(.invalidFormat, path(key), "must be a time as HH:MM:SS")
            return TimeOfDay(hour: 0, minute: 0, second: 0)
        }
        return time
    }

    func choice<T: RawRepresentable & CaseIterable>(_ key: String, default fallback: T? = nil, _ issues: inout IssueList) -> T?
    where T.RawValue == String {
        guard has(key) || fallback == nil else { return fallback }
        let text = string(key, &issues)
        guard !text.isEmpty else { return fallback }
        guard let value = T(rawValue: text) else {
            issues.add(.outOfRange, path(key), "must be one of " + T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))
            return fallback
        }
        return value
    }
}
