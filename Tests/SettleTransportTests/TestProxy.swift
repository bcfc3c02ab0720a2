import Foundation
import SettleModel
import Synchronization

@testable import SettleTransport

/// A forwarding proxy on loopback that speaks HTTP CONNECT, SOCKS4/4A and SOCKS5, so tests can
/// put a real proxy between the client and the simulator. It records each tunnel's target.
final class TestProxy: Sendable {
    let kind: ProxySettings.Kind
    let credentials: (user: String, password: String)?
    /// "host:port" of each tunnel opened.
    let targets = Mutex<[String]>([])
    private let listener: Listener
    private let stopped = Atomic<Bool>(false)

    var port: Int { listener.port }

    init(_ kind: ProxySettings.Kind, credentials: (user: String, password: String)? = nil) throws {
        self.kind = kind
        self.credentials = credentials
        listener = try Listener()
        Thread { [self] in acceptLoop() }.start()
    }

    func stop() {
        stopped.store(true, ordering: .relaxed)
        listener.close()
    }

    private func acceptLoop() {
        while !stopped.load(ordering: .relaxed) {
            guard let accepted = try? listener.acceptStream(context: nil, before: .now + .milliseconds(100)),
                let client = accepted as? PlainStream
            else { continue }
            Thread { [self] in
                guard let (host, port) = try? handshake(client),
                    let upstream = try? PlainStream.connect(host: host, port: port, before: .now + .seconds(5))
                else {
                    client.close()
                    return
                }
                targets.withLock { $0.append("\(host):\(port)") }
                try? client.write(successReply, before: .now + .seconds(5))
                Self.pump(client, upstream)
            }.start()
        }
    }

    private var successReply: [UInt8] {
        switch kind {
        case .httpTunnel: Array("HTTP/1.1 200 Connection established\r\n\r\n".utf8)
        case .socks5: [5, 0, 0, 1, 0, 0, 0, 0, 0, 0]
        case .socks4, .socks4a: [0, 0x5A, 0, 0, 0, 0, 0, 0]
        }
    }

    /// Reads the client's request; returns the target, or throws after answering a refusal.
    private func handshake(_ client: PlainStream) throws -> (String, Int) {
        let deadline = ContinuousClock.now + .seconds(5)
        switch kind {
        case .httpTunnel:
            let head = try client.readHead(limit: 8192, before: deadline)
            let target = head.split(separator: " ")[1]
            if let credentials {
                let expected = "Proxy-Authorization: Basic " + Data("\(credentials.user):\(credentials.password)".utf8).base64EncodedString()
                guard head.contains(expected) else {
                    try client.write(Array("HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n".utf8), before: deadline)
                    throw TransportError(code: .accessDenied, "refused")
                }
            }
            guard let colon = target.lastIndex(of: ":"), let port = Int(target[target.index(after: colon)...]) else {
                throw TransportError(code: .connectionRefused, "bad CONNECT target")
            }
            return (String(target[..<colon]), port)
        case .socks5:
            let greeting = try client.readExactly(2, before: deadline)
            let methods = try client.readExactly(Int(greeting[1]), before: deadline)
            if let credentials {
                guard methods.contains(2) else { throw TransportError(code: .accessDenied, "no auth offered") }
                try client.write([5, 2], before: deadline)
                let userLength = try client.readExactly(2, before: deadline)[1]
                let user = try client.readExactly(Int(userLength), before: deadline)
                let password = try client.readExactly(Int(try client.readExactly(1, before: deadline)[0]), before: deadline)
                let valid = user == Array(credentials.user.utf8) && password == Array(credentials.password.utf8)
                try client.write([1, valid ? 0 : 1], before: deadline)
                guard valid else { throw TransportError(code: .accessDenied, "bad credentials") }
            } else {
                try client.write([5, 0], before: deadline)
            }
            let request = try client.readExactly(4, before: deadline)
            let host: String
            switch request[3] {
            case 1: host = try client.readExactly(4, before: deadline).map(String.init).joined(separator: ".")
            default:
                host = String(decoding: try client.readExactly(Int(try client.readExactly(1, before: deadline)[0]), before: deadline), as: UTF8.self)
            }
            let port = try client.readExactly(2, before: deadline)
            return (host, Int(port[0]) << 8 | Int(port[1]))
        case .socks4, .socks4a:
            let request = try client.readExactly(8, before: deadline)
            _ = try readZeroTerminated(client, deadline)  // user id
            let address = request[4...7]
            let host = address.prefix(3) == [0, 0, 0] ? try readZeroTerminated(client, deadline) : address.map(String.init).joined(separator: ".")
            return (host, Int(request[2]) << 8 | Int(request[3]))
        }
    }

    private func readZeroTerminated(_ client: PlainStream, _ deadline: ContinuousClock.Instant) throws -> String {
        var bytes: [UInt8] = []
        while let byte = try client.readExactly(1, before: deadline).first, byte != 0 { bytes.append(byte) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Copies bytes both ways until either side closes.
    private static func pump(_ a: PlainStream, _ b: PlainStream) {
        var descriptors = [
            pollfd(fd: a.underlyingSocket.descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: b.underlyingSocket.descriptor, events: Int16(POLLIN), revents: 0),
        ]
        let streams = [a, b]
        defer {
            a.close()
            b.close()
        }
        while poll(&descriptors, 2, 10_000) > 0 {
            for index in 0..<2 where descriptors[index].revents != 0 {
                guard case .bytes(let bytes) = try? streams[index].read(before: .now + .seconds(1)),
                    (try? streams[1 - index].write(bytes, before: .now + .seconds(5))) != nil
                else { return }
            }
        }
    }
}
