/// One HTTP/1.1 connection as a state machine, without sockets or clocks: bytes in, requests out
/// to the handler, responses back in order, and what to write and when to close. The server's
/// socket loop drives it; tests drive it directly.
public struct HTTPConnectionMachine: Sendable {
    public enum Action: Sendable, Hashable {
        case write([UInt8])
        /// Hand this request to the handler; answer with ``responded(_:)``.
        case dispatch(HTTPRequest)
        /// Close once the writes before it are done.
        case close
    }

    /// What the connection is waiting for, so the driver applies the matching timeout.
    public enum Phase: Sendable, Hashable {
        /// Between requests (the keep-alive idle timeout).
        case idle
        /// Part of a request head has arrived (the header-read deadline).
        case readingHead
        /// The head is in; its body is arriving (the body timeout).
        case readingBody
        /// A request is with the handler.
        case handling
        case closed
    }

    private var parser: HTTPRequestParser
    private var current: (head: HTTPRequestHead, body: [UInt8])?
    private var ready: [HTTPRequest] = []
    private var inFlight: HTTPRequestHead?
    private var pendingError: HTTPParseError?
    private var isClosed = false
    private var draining = false
    /// A request asked to close the connection: nothing after it is read.
    private var sawFinalRequest = false
    /// The client sent its last byte (a half-close, or it went away): what it sent is answered,
    /// then the connection closes.
    private var clientFinished = false
    /// The request being read asked for 100 Continue while requests before it were still
    /// unanswered: a client takes an interim response as belonging to its oldest unanswered
    /// request, so it is sent once they are answered.
    private var continueOwed = false
    /// Most complete requests held while one is being handled (pipelining depth).
    public let maximumQueuedRequests: Int
    /// The error body for a refused request (the service makes it problem+json).
    private let errorResponse: @Sendable (HTTPParseError) -> HTTPResponse

    public init(
        limits: HTTPLimits = HTTPLimits(), maximumQueuedRequests: Int = 16,
        errorResponse: @escaping @Sendable (HTTPParseError) -> HTTPResponse = { HTTPResponse(status: $0.status, body: Array("\($0.reason)\n".utf8)) }
    ) {
        parser = HTTPRequestParser(limits: limits)
        self.maximumQueuedRequests = maximumQueuedRequests
        self.errorResponse = errorResponse
    }

    public var phase: Phase {
        if isClosed { return .closed }
        if inFlight != nil { return .handling }
        if current != nil { return .readingBody }
        return parser.hasBufferedInput ? .readingHead : .idle
    }

    /// Whether the driver should keep reading (false while the pipeline queue is full, and for
    /// good once the client's input ended).
    public var wantsInput: Bool { !clientFinished && parsesInput }

    /// Whether bytes already received are turned into requests.
    private var parsesInput: Bool { !isClosed && !sawFinalRequest && pendingError == nil && ready.count < maximumQueuedRequests }

    /// Bytes from the client.
    public mutating func received(_ bytes: some Collection<UInt8>) -> [Action] {
        guard !isClosed else { return [] }
        parser.append(bytes)
        return pump()
    }

    /// The handler's response to the request last dispatched.
    public mutating func responded(_ response: HTTPResponse) -> [Action] {
        guard let head = inFlight, !isClosed else { return [] }
        inFlight = nil
        let closing = !head.keepAlive || draining
        var actions: [Action] = [.write(response.serialized(closing: closing, includeBody: head.method != "HEAD"))]
        if closing { return actions + close() }
        actions += dispatchNext()
        if continueOwed && inFlight == nil {
            continueOwed = false
            actions.append(.write(HTTPResponse.continueBytes))
        }
        return actions + pump() + closeIfFinished()
    }

    /// The client's input ended (end of file: a half-close with `shutdown(SHUT_WR)`, as one-shot
    /// clients do, or it went away). RFC 9112 lets a client half-close once its request is sent,
    /// so every request it completed is still answered, in order; then the connection closes. A
    /// request cut short by the end can never complete and is dropped.
    public mutating func inputEnded() -> [Action] {
        guard !isClosed else { return [] }
        clientFinished = true
        return pump() + closeIfFinished()
    }

    /// After the client's input ended, once nothing is left to answer: close.
    private mutating func closeIfFinished() -> [Action] {
        guard clientFinished, !isClosed, inFlight == nil, ready.isEmpty else { return [] }
        return close()
    }

    /// The server is shutting down: finish the request in hand, then close.
    public mutating func drain() -> [Action] {
        draining = true
        guard inFlight == nil, !isClosed else { return [] }
        return close()
    }

    /// The client went away or a timeout expired: nothing more will be written.
    public mutating func closed() { isClosed = true }

    private mutating func pump() -> [Action] {
        var actions: [Action] = []
        while parsesInput {
            let event: HTTPParserEvent?
            do {
                event = try parser.next()
            } catch {
                pendingError = error
                break
            }
            guard let event else { break }
            switch event {
            case .head(let head):
                // One allocation for a body of declared length (the parser has checked it against
                // the limit), instead of growing it chunk by chunk.
                var body: [UInt8] = []
                if let length = head.headers["content-length"].flatMap(Int.init) { body.reserveCapacity(length) }
                current = (head, body)
                // Ask for the body only while it has not started to arrive.
                if head.expectsContinue && !parser.hasBufferedInput {
                    if inFlight == nil && ready.isEmpty { actions.append(.write(HTTPResponse.continueBytes)) } else { continueOwed = true }
                }
            case .body(let bytes): current?.body += bytes
            case .end:
                continueOwed = false
                if let current {
                    ready.append(HTTPRequest(head: current.head, body: current.body))
                    sawFinalRequest = !current.head.keepAlive
                }
                current = nil
                actions += dispatchNext()
            }
        }
        if inFlight == nil { actions += dispatchNext() }
        if inFlight == nil, ready.isEmpty, let error = pendingError {
            actions.append(.write(errorResponse(error).serialized(closing: true)))
            actions += close()
        }
        return actions
    }

    private mutating func dispatchNext() -> [Action] {
        guard inFlight == nil, !ready.isEmpty else { return [] }
        let request = ready.removeFirst()
        inFlight = request.head
        return [.dispatch(request)]
    }

    private mutating func close() -> [Action] {
        isClosed = true
        return [.close]
    }
}
