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

    init(descriptor: Int32, configuration: HTTPServerConfiguration, handler: @escaping HTTPServer.Handler, onClose: @escaping @Sendable (HTTPConnection) -> Void) {
        self.descriptor = descriptor
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
            write.setEventHandler { [self] in flush() }
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
        while !isClosed && machine.wantsInput {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                perform(machine.received(buffer[0..<count]))
            } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
                return shut()
            } else if errno != EINTR {
                break
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
            let sent = output.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent > 0 {
                output.removeFirst(sent)
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                if writeSuspended { writeSource?.resume(); writeSuspended = false }
                return
            } else if errno != EINTR {
                return shut()
            }
        }
        if !writeSuspended { writeSource?.suspend(); writeSuspended = true }
        if closeAfterWrite { shut() }
    }

    private func updateReading() {
        guard !isClosed else { return }
        if machine.wantsInput && readSuspended {
            readSuspended = false
            readSource?.resume()
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
        case .idle: configuration.idleTimeout
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
        let descriptor = self.descriptor
        readSource?.setCancelHandler { close(descriptor) }
        readSource?.cancel()
        onClose(self)
    }
}
