/// Why a body is not JSON: the byte offset where reading stopped, and a fixed reason (never
/// the text itself, which may hold a secret such as an account number).
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var offset: Int
    public var reason: String
    /// The text may be valid JSON, but it goes past a limit of this parser (nesting deeper than
    /// ``JSONParser/maximumDepth``, a number beyond a `Double`, a text of 2 GiB or more): a
    /// caller can tell "too big for us" from "not JSON".
    public var isLimit: Bool

    public init(offset: Int, reason: String, isLimit: Bool = false) {
        self.offset = offset
        self.reason = reason
        self.isLimit = isLimit
    }
}
