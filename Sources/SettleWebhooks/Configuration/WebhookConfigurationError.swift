/// A webhook setting that cannot be used, and why: refused at start, before anything is sent.
public struct WebhookConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
