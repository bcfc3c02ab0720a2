import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Timeouts and closing: the phase timer, the staged close after a refusal, and shutting down.
extension HTTPConnection {
    /// After a refusal (an error or a timeout, sent while the request may still be arriving):
    /// send FIN, then read and drop what the client is still sending before closing. Closing
    /// with unread bytes would send a reset, and a client still uploading could lose the
    /// response it was sent (RFC 9112 section 9.6; nginx's lingering close).
    func linger() {
        guard !isClosed, !lingering else { return }
        lingering = true
        machine.closed()
        channel.finish()
        shutdown(descriptor, Int32(SHUT_WR))
        timedPhase = nil
        setDeadline(configuration.lingerTimeout)
        if readSuspended {
            readSuspended = false
            readSource?.resume()
        }
        discardInput()
    }

    func discardInput() {
        var sink = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = sink.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 || (count < 0 && errno == EINTR) { continue }
            if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
            return shut()  // the client closed (or the connection failed)
        }
    }

    func armTimer() {
        guard !isClosed, !lingering else { return }
        let phase = output.isEmpty ? machine.phase : nil
        guard phase != timedPhase || phase == nil else { return }
        timedPhase = phase
        let timeout: Duration? =
            switch phase {
            case .idle: channel.isEstablished ? configuration.idleTimeout : configuration.headerReadTimeout
            case .readingHead: configuration.headerReadTimeout
            case .readingBody: configuration.bodyTimeout
            case .handling, .closed: nil
            case nil: configuration.writeTimeout
            }
        setDeadline(timeout)
    }

    /// The current phase must end within `timeout` from now (nil: it has no timeout).
    private func setDeadline(_ timeout: Duration?) {
        let time = timeout.map { timeout in
            let (seconds, attoseconds) = timeout.components
            return DispatchTime.now() + .nanoseconds(Int(seconds * 1_000_000_000 + attoseconds / 1_000_000_000))
        }
        if let fires = deadline.set(time) { timer?.schedule(deadline: fires) }
    }

    func timerFired() {
        switch deadline.fired(at: .now()) {
        case .expired: timedOut(timedPhase)
        case .reschedule(let fires): timer?.schedule(deadline: fires)
        case .none: break
        }
    }

    func timedOut(_ phase: HTTPConnectionMachine.Phase?) {
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

    func shut() {
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
