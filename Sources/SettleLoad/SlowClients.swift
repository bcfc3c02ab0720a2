import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Many connections that send a request head one byte at a time and never finish it (the
/// "slowloris" attack), from a thread of their own so the caller stays free to measure.
public final class SlowClients: Sendable {
    private let descriptors: [Int32]
    private let running = Atomic<Bool>(true)
    private let closed = Atomic<Bool>(false)
    private let finished = DispatchSemaphore(value: 0)

    /// Opens `count` connections and starts sending one byte to each every `interval`.
    public init(count: Int, port: Int, interval: Duration = .milliseconds(20)) throws {
        var opened: [Int32] = []
        do {
            for _ in 0..<count { opened.append(try LoopbackSocket.connect(port: port)) }
        } catch {
            opened.forEach { close($0) }
            throw error
        }
        descriptors = opened
        let head = Array("GET /slow HTTP/1.1\r\nHost: slow\r\nX-Padding: ".utf8)
        let thread = Thread { [weak self, descriptors] in
            var position = 0
            // Weak: a forgotten stop() ends the thread with the object, not never.
            while let self, self.running.load(ordering: .acquiring) {
                let byte = position < head.count ? head[position] : UInt8(ascii: "a")
                for descriptor in descriptors {
                    var one = byte
                    _ = send(descriptor, &one, 1, Int32(MSG_NOSIGNAL | MSG_DONTWAIT))
                }
                position += 1
                Thread.sleep(forTimeInterval: Double(interval.components.attoseconds) / 1e18 + Double(interval.components.seconds))
            }
            self?.finished.signal()
        }
        thread.start()
    }

    deinit { disconnect() }

    /// Closes every connection (once).
    public func disconnect() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        descriptors.forEach { close($0) }
    }

    /// Stops sending (the connections stay open).
    public func stop() {
        guard running.exchange(false, ordering: .acquiringAndReleasing) else { return }
        finished.wait()
    }

    /// For each connection, what the server sent before closing it (up to 5 s per connection),
    /// or nil when it is still open.
    public func endings() -> [String?] {
        descriptors.map { descriptor in
            var received: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
                if count > 0 {
                    received += chunk[0..<count]
                } else {
                    // 0: closed by the server; -1: the 5 s receive timeout passed with it open.
                    return count == 0 ? String(decoding: received, as: UTF8.self) : nil
                }
            }
        }
    }

    /// How many connections the server has answered or closed right now (a peek that neither
    /// waits nor consumes what `endings()` will read).
    public func cutCount() -> Int {
        descriptors.filter { descriptor in
            var byte: UInt8 = 0
            return recv(descriptor, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) >= 0
        }.count
    }
}
