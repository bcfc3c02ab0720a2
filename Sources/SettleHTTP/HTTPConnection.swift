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
    /// The final response is out and the write side shut; the client's remaining bytes are
    /// read and dropped until it closes or `lingerTimeout` passes.
    private var lingering = false
    private var lingerOnClose = false
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
        queue.async { [self] in lingering ? shut() : perform(machine.drain()) }
    }

    private func readAvailable() {
        if lingering { return discardInput() }
        // Uninitialized and freed at once: a zeroed 64 KiB array per readable event showed in
        // profiles, and a buffer kept per connection would hold 64 KiB for every idle client.
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer { buffer.deallocate() }
        reading: while !isClosed && machine.wantsInput {
            switch channel.read(into: buffer) {
            case .transferred(let count): perform(machine.received(UnsafeRawBufferPointer(rebasing: buffer[0..<count])), clientMayStillSend: true)
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

    /// `clientMayStillSend`: the actions answer bytes just read, so a `.close` among them may
    /// refuse a request whose rest is still on its way (the close then lingers).
    private func perform(_ actions: [HTTPConnectionMachine.Action], clientMayStillSend: Bool = false) {
        for action in actions {
            switch action {
            case .write(let bytes): output += bytes
            case .close:
                closeAfterWrite = true
                lingerOnClose = lingerOnClose || clientMayStillSend
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
        if closeAfterWrite { lingerOnClose ? linger() : shut() }
    }

    /// After a refusal (an error or a timeout, sent while the request may still be arriving):
    /// send FIN, then read and drop
    /// what the client is still sending before closing. Closing with unread bytes would send a
    /// reset, and a client still uploading could lose the response it was sent (as nginx's
    /// lingering close avoids).
    private func linger() {
        guard !isClosed, !lingering else { return }
        lingering = true
        machine.closed()
        channel.finish()
        shutdown(descriptor, Int32(SHUT_WR))
        timedPhase = nil
        let timeout = configuration.lingerTimeout.components
        timer?.schedule(deadline: .now() + .nanoseconds(Int(timeout.seconds * 1_000_000_000 + timeout.attoseconds / 1_000_000_000)))
        if readSuspended {
            readSuspended = false
            readSource?.resume()
        }
        discardInput()
    }

    private func discardInput() {
        var sink = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = sink.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 || (count < 0 && errno == EINTR) { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
            return shut()  // the client closed (or the connection failed)
        }
    }

    private func updateReading() {
        guard !isClosed, !lingering else { return }
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
        guard !isClosed, !lingering else { return }
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
        if lingering { return shut() }
        if phase == .readingHead || phase == .readingBody {
            // Best effort: the client is slow, not necessarily gone.
            output += HTTPResponse(status: 408, body: Array("request timeout\n".utf8)).serialized(closing: true)
            closeAfterWrite = true
            lingerOnClose = true
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
