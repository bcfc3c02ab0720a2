/// The server could not start (address in use, bad address).
public struct HTTPServerError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
