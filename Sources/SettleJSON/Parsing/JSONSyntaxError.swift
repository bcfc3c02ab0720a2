/// Why a body is not JSON: the byte offset where reading stopped, and a fixed reason (never
/// the text itself, which may hold a secret such as an account number).
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public var offset: Int
    public var reason: String

    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }
}
