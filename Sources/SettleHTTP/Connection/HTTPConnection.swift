import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// One client connection on Dispatch sources: reads feed the ``HTTPConnectionMachine``, its
/// requests go to the handler, its writes are flushed as the socket allows, and a timer holds
/// each phase to its timeout.
final class HTTPConnection: @unchecked Sendable {
    // Every mutable property is touched only on `queue` (internal so the extension in
    // HTTPConnection+Closing.swift can reach them).
    let descriptor: Int32
    let channel: any ByteChannel
    let queue: DispatchQueue
    let configuration: HTTPServerConfiguration
    let handler: HTTPServer.Handler
    let onClose: @Sendable (HTTPConnection) -> Void
    var machine: HTTPConnectionMachine
    var readSource: (any DispatchSourceRead)?
    var writeSource: (any DispatchSourceWrite)?
    var timer: (any DispatchSourceTimer)?
    var readSuspended = false
    var writeSuspended = true
    var output: [UInt8] = []
    var closeAfterWrite = false
    var isClosed = false
    var timedPhase: HTTPConnectionMachine.Phase?
    var deadline = LazyDeadline()
    /// The final response is out and the write side shut; the client's remaining bytes are
    /// read and dropped until it closes or `lingerTimeout` passes.
    var lingering = false
    var lingerOnClose = false
    /// A TLS read needed the socket writable (a handshake message did not fit); retried on flush.
    var readWaitsForWritable = false

    init(
        descriptor: Int32, channel: any ByteChannel, configuration: HTTPServerConfiguration, handler: @escaping HTTPServer.Handler,
        onClose: @escaping @Sendable (HTTPConnection) -> Void
    ) {
        self.descriptor = descriptor
        self.channel = channel
        self.configuration = configuration
        self.handler = handler
        self.onClose = onClose
        // On the global queue: the connections' work shares about one thread per core with the
        // handlers' tasks. A serial queue of its own may get a thread of its own, and with many
        // connections the switching cost more than the requests. So nothing may block a thread
        // of that pool: the link and the ledger run on threads of their own.
        queue = DispatchQueue(label: "tsys-settle.http.connection", target: .global())
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
            // One timer for the connection's life, following its phase's deadline (cheaper
            // than a new source per phase; see LazyDeadline for why it is seldom moved).
            let clock = DispatchSource.makeTimerSource(queue: queue)
            clock.setEventHandler { [self] in timerFired() }
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

    func readAvailable() {
        if lingering { return discardInput() }
        // Uninitialized and freed at once: a zeroed 64 KiB array per readable event showed in
        // profiles, and a buffer kept per connection would hold 64 KiB for every idle client.
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer { buffer.deallocate() }
        reading: while !isClosed && machine.wantsInput {
            switch channel.read(into: buffer) {
            case .transferred(let count):
                perform(machine.received(UnsafeRawBufferPointer(rebasing: buffer[0..<count])), clientMayStillSend: true)
                // A short read emptied the socket: another read would only say so (EAGAIN), and
                // bytes that come later raise a read event of their own. Bytes a TLS channel has
                // already decrypted raise none, so those are read now.
                if count < buffer.count && !channel.hasBufferedInput { break reading }
            case .wantRead: break reading
            case .wantWrite:
                readWaitsForWritable = true
                if writeSuspended {
                    writeSource?.resume()
                    writeSuspended = false
                }
                break reading
            case .closed:
                // End of input: the client half-closed after its requests (or went away). They are
                // still answered; the machine closes once they are, and reads no more.
                perform(machine.inputEnded())
                break reading
            }
        }
        updateReading()
    }

    /// `clientMayStillSend`: the actions answer bytes just read, so a `.close` among them may
    /// refuse a request whose rest is still on its way (the close then lingers).
    func perform(_ actions: [HTTPConnectionMachine.Action], clientMayStillSend: Bool = false) {
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

    func flush() {
        guard !isClosed else { return }
        while !output.isEmpty {
            switch output.withUnsafeBytes({ channel.write($0) }) {
            case .transferred(let sent): output.removeFirst(sent)
            case .wantWrite:
                if writeSuspended {
                    writeSource?.resume()
                    writeSuspended = false
                }
                return
            case .wantRead:
                // TLS wants the peer's bytes first; the next read event flushes again.
                return
            case .closed: return shut()
            }
        }
        if !writeSuspended && !readWaitsForWritable {
            writeSource?.suspend()
            writeSuspended = true
        }
        if closeAfterWrite { lingerOnClose ? linger() : shut() }
    }

    func updateReading() {
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
}
