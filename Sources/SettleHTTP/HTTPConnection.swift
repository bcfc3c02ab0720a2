import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// One client connection on Dispatch sources: reads feed the ``HTTPConnectionMachine``, its
/// requests go to the handler, its writes are flushed as the socket allows, and a timer holds
/// each phase to its timeout.
final class HTTPConnection: @unchecked Sendable {
    // Every mutable property is touched only on `queue`.
    private let descriptor: Int32
    private let channel: any ByteChannel
    private let queue: DispatchQueue
    private let configuration: HTTPServerConfiguration
    private let handler: HTTPServer.Handler
    private let onClose: @Sendable (HTTPConnection) -> Void
    private var machine: HTTPConnectionMachine
    private var readSource: (any DispatchSourceRead)?
    private var writeSource: (any DispatchSourceWrite)?
    private var timer: (any DispatchSourceTimer)?
    private var readSuspended = false
    private var writeSuspended = true
    private var output: [UInt8] = []
    private var closeAfterWrite = false
    private var isClosed = false
    private var timedPhase: HTTPConnectionMachine.Phase?
    /// A TLS read needed the socket writable (a handshake message did not fit); retried on flush.
    private var readWaitsForWritable = false

    init(
        descriptor: Int32, channel: any ByteChannel, configuration: HTTPServerConfiguration, handler: @escaping HTTPServer.Handler,
        onClose: @escaping @Sendable (HTTPConnection) -> Void
    ) {
        self.descriptor = descriptor
        self.channel = channel
        self.configuration = configuration
        self.handler = handler
        self.onClose = onClose
        queue = DispatchQueue(label: "tsys-settle.http.connection")
        machine = HTTPConnectionMachine(limits: configuration.limits)
    }

    func start() {
        queue.async { [self] in
            var one: Int32 = 1
            setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let read = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
            read.setEventHandler { [self] in readAvailable() }
            readSource = read
            let write = DispatchSource.makeWriteSource(fileDescriptor: descriptor, queue: queue)
            write.setEventHandler { [self] in
                flush()
                if readWaitsForWritable {
                    readWaitsForWritable = false
                    readAvailable()
                }
            }
            writeSource = write
            // One timer for the connection's life, rescheduled as its phase changes (cheaper
            // than a new source per phase).
            let clock = DispatchSource.makeTimerSource(queue: queue)
            clock.setEventHandler { [self] in timedOut(timedPhase) }
            clock.schedule(deadline: .distantFuture)
            clock.resume()
            timer = clock
            read.resume()
            armTimer()
        }
    }

    /// Refuses a connection beyond the limit with 503, without reading it.
    static func refuse(_ descriptor: Int32) {
        let bytes = HTTPResponse(status: 503, body: Array("too many connections\n".utf8)).serialized(closing: true)
        _ = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        close(descriptor)
    }

    /// Shutdown: finish the request in hand, then close.
    func drain() {
        queue.async { [self] in perform(machine.drain()) }
    }

    private func readAvailable() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        reading: while !isClosed && machine.wantsInput {
            switch buffer.withUnsafeMutableBytes({ channel.read(into: $0) }) {
            case .transferred(let count): perform(machine.received(buffer[0..<count]))
            case .wantRead: break reading
            case .wantWrite:
                readWaitsForWritable = true
                if writeSuspended { writeSource?.resume(); writeSuspended = false }
                break reading
            case .closed: return shut()
            }
        }
        updateReading()
    }

    private func perform(_ actions: [HTTPConnectionMachine.Action]) {
        for action in actions {
            switch action {
            case .write(let bytes): output += bytes
            case .close: closeAfterWrite = true
            case .dispatch(let request):
                let handler = self.handler
                Task { [self] in
                    let response = await handler(request)
                    queue.async { [self] in
                        guard !isClosed else { return }
                        perform(machine.responded(response))
                        updateReading()
                    }
                }
            }
        }
        flush()
        armTimer()
    }

    private func flush() {
        guard !isClosed else { return }
        while !output.isEmpty {
            switch output.withUnsafeBytes({ channel.write($0) }) {
            case .transferred(let sent): output.removeFirst(sent)
            case .wantWrite:
                if writeSuspended { writeSource?.resume(); writeSuspended = false }
                return
            case .wantRead:
                // TLS wants the peer's bytes first; the next read event flushes again.
                return
            case .closed: return shut()
            }
        }
        if !writeSuspended && !readWaitsForWritable { writeSource?.suspend(); writeSuspended = true }
        if closeAfterWrite { shut() }
    }

    private func updateReading() {
        guard !isClosed else { return }
        if machine.wantsInput && readSuspended {
            readSuspended = false
            readSource?.resume()
            // Decrypted bytes already off the socket raise no read event of their own.
            if channel.hasBufferedInput { queue.async { [self] in readAvailable() } }
        } else if !machine.wantsInput && !readSuspended {
            readSuspended = true
            readSource?.suspend()
        }
    }

    private func armTimer() {
        guard !isClosed else { return }
        let phase = output.isEmpty ? machine.phase : nil
        guard phase != timedPhase || phase == nil else { return }
        timedPhase = phase
        let timeout: Duration? = switch phase {
        case .idle: channel.isEstablished ? configuration.idleTimeout : configuration.headerReadTimeout
        case .readingHead: configuration.headerReadTimeout
        case .readingBody: configuration.bodyTimeout
        case .handling, .closed: nil
        case nil: configuration.writeTimeout
        }
        guard let timeout else { return timer?.schedule(deadline: .distantFuture) ?? () }
        let nanoseconds = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
        timer?.schedule(deadline: .now() + .nanoseconds(Int(nanoseconds)))
    }

    private func timedOut(_ phase: HTTPConnectionMachine.Phase?) {
        guard !isClosed else { return }
        if phase == .readingHead || phase == .readingBody {
            // Best effort: the client is slow, not necessarily gone.
            output += HTTPResponse(status: 408, body: Array("request timeout\n".utf8)).serialized(closing: true)
            closeAfterWrite = true
            machine.closed()
            flush()
            if !isClosed { shut() }
        } else {
            shut()
        }
    }

    private func shut() {
        guard !isClosed else { return }
        isClosed = true
        machine.closed()
        timer?.cancel()
        // Sources must be running to be cancelled; the descriptor closes when the read source is gone.
        if writeSuspended { writeSource?.resume() }
        writeSource?.cancel()
        if readSuspended { readSource?.resume() }
        channel.finish()
        let (descriptor, channel) = (self.descriptor, self.channel)
        // The channel (and its SSL) lives until the descriptor is closed.
        readSource?.setCancelHandler { withExtendedLifetime(channel) { _ = close(descriptor) } }
        readSource?.cancel()
        onClose(self)
    }
}
