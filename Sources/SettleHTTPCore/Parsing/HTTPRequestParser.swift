/// What the parser has found in the bytes so far.
public enum HTTPParserEvent: Sendable, Hashable {
    case head(HTTPRequestHead)
    /// A piece of the body (decoded when chunked): a slice of the parser's buffer, so no copy is
    /// made unless the caller keeps it past the next `append`.
    case body(ArraySlice<UInt8>)
    /// The request is complete; the next bytes begin the next (pipelined) request.
    case end
}

/// An incremental, strict HTTP/1.1 request parser: feed it bytes as they arrive and take events
/// until it needs more. After an error the connection must be closed.
public struct HTTPRequestParser: Sendable {
    private enum State: Sendable {
        case head
        case fixed(remaining: Int)
        case chunked(ChunkedBodyDecoder)
        case failed(HTTPParseError)
    }

    public let limits: HTTPLimits
    private var buffer: [UInt8] = []
    private var offset = 0
    private var state = State.head
    private var head = HeadScanner()

    public init(limits: HTTPLimits = HTTPLimits()) { self.limits = limits }

    public mutating func append(_ bytes: some Collection<UInt8>) {
        if offset > 0 && offset == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            head.shift(by: offset)
            offset = 0
        } else if offset > 64 * 1024 {
            buffer.removeFirst(offset)
            head.shift(by: offset)
            offset = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Whether bytes of a further request are already buffered.
    public var hasBufferedInput: Bool { offset < buffer.count }

    /// The next event, or `nil` when more bytes are needed.
    public mutating func next() throws(HTTPParseError) -> HTTPParserEvent? {
        do {
            return try step()
        } catch {
            state = .failed(error)
            throw error
        }
    }

    private mutating func step() throws(HTTPParseError) -> HTTPParserEvent? {
        switch state {
        case .failed(let error):
            throw error
        case .head:
            guard let lines = try head.scan(buffer, from: &offset, limits: limits) else { return nil }
            let (parsed, framing) = try HTTPHeadReader.read(lines: lines, limits: limits)
            switch framing {
            case .none: state = .fixed(remaining: 0)
            case .length(let length): state = .fixed(remaining: length)
            case .chunked: state = .chunked(ChunkedBodyDecoder(limits: limits))
            }
            return .head(parsed)
        case .fixed(let remaining):
            if remaining == 0 {
                state = .head
                return .end
            }
            guard offset < buffer.count else { return nil }
            let count = min(remaining, buffer.count - offset)
            defer { offset += count }
            state = .fixed(remaining: remaining - count)
            return .body(buffer[offset..<(offset + count)])
        case .chunked(var decoder):
            let step = try decoder.next(buffer, &offset)
            state = .chunked(decoder)
            switch step {
            case nil: return nil
            case .data(let range): return .body(buffer[range])
            case .finished:
                state = .head
                return .end
            }
        }
    }
}
