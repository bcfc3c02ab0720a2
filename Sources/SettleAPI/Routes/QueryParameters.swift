import Foundation

/// The query string of a request target, percent-decoded (`+` as a space). A name given
/// twice keeps its last value.
struct QueryParameters {
    private var values: [String: String] = [:]

    init(target: Substring) {
        guard let query = target.split(separator: "?", maxSplits: 1).dropFirst().first else { return }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text) }
            values[decode(parts[0])] = parts.count == 2 ? decode(parts[1]) : ""
        }
    }

    subscript(name: String) -> String? { values[name] }

    var names: Set<String> { Set(values.keys) }
}
