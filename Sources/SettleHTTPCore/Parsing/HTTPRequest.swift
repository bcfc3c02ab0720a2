/// A complete request: its head and whole body.
public struct HTTPRequest: Sendable, Hashable {
    public var head: HTTPRequestHead
    public var body: [UInt8]

    public init(head: HTTPRequestHead, body: [UInt8]) {
        self.head = head
        self.body = body
    }
}
