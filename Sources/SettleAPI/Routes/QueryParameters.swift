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

    /// `limit` (1 to 500), `fallback` when absent; a refusal when it is anything else.
    func limit(default fallback: Int) -> Result<Int, Refusal> {
        guard let text = values["limit"] else { return .success(fallback) }
        guard let number = Int(text), (1...500).contains(number) else {
            return .failure(Refusal(JSONResponse.problem(400, "Invalid limit", "limit is 1 to 500")))
        }
        return .success(number)
    }
}
