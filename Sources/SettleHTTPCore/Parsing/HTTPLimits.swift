/// Bounds on what one request may make the server hold or read. Every bound answers with its
/// own status (414, 431, 413) rather than letting a client grow memory or stall a connection.
public struct HTTPLimits: Sendable, Hashable {
    /// Longest request line, in bytes (414 beyond it).
    public var maximumRequestLineBytes: Int
    /// Largest header section, request line excluded (431 beyond it).
    public var maximumHeaderBytes: Int
    /// Most header fields (431 beyond it).
    public var maximumHeaderCount: Int
    /// Largest body, however framed (413 beyond it). A 100,000-record batch document is about 40 MB
    /// of JSON; the default leaves room for that and no more.
    public var maximumBodyBytes: Int
    /// Longest chunk-size line with its extensions, and largest trailer section.
    public var maximumChunkLineBytes: Int

    public init(
        maximumRequestLineBytes: Int = 8 * 1024, maximumHeaderBytes: Int = 32 * 1024, maximumHeaderCount: Int = 100,
        maximumBodyBytes: Int = 64 * 1024 * 1024, maximumChunkLineBytes: Int = 4 * 1024
    ) {
        self.maximumRequestLineBytes = maximumRequestLineBytes
        self.maximumHeaderBytes = maximumHeaderBytes
        self.maximumHeaderCount = maximumHeaderCount
        self.maximumBodyBytes = maximumBodyBytes
        self.maximumChunkLineBytes = maximumChunkLineBytes
    }
}
