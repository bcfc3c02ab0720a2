import Foundation
import SettleModel

/// Opens a tunnel to the processor through a proxy on an already connected stream. After it
/// returns, the stream carries the processor's bytes (TLS or the plain link) as if direct.
/// Reads take exactly what the handshake needs: the host's first byte (ENQ) may follow at once.
enum ProxyTunnel {
    static func open(
        _ stream: PlainStream, to host: String, port: Int, through proxy: ProxySettings, before deadline: ContinuousClock.Instant
    ) throws(TransportError) {
        switch proxy.kind {
        case .httpTunnel: try connectRequest(stream, host, port, proxy, deadline)
        case .socks5: try socks5(stream, host, port, proxy, deadline)
        case .socks4, .socks4a: try socks4(stream, host, port, proxy, deadline)
        }
    }

    private static func connectRequest(
        _ stream: PlainStream, _ host: String, _ port: Int, _ proxy: ProxySettings, _ deadline: ContinuousClock.Instant
    ) throws(TransportError) {
        let authority = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        var request = "CONNECT \(authority) HTTP/1.1\r\nHost: \(authority)\r\n"
        if let user = proxy.user {
            request += "Proxy-Authorization: Basic \(Data("\(user):\(proxy.password ?? "")".utf8).base64EncodedString())\r\n"
        }
        try stream.write(Array((request + "\r\n").utf8), before: deadline)
        let head = try stream.readHead(limit: 8192, before: deadline)
        let statusLine = head.split(separator: "\r\n", maxSplits: 1).first.map(String.init) ?? ""
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]) else {
            throw TransportError(code: .connectionRefused, "the proxy \(proxy.host):\(proxy.port) did not answer CONNECT with HTTP")
        }
        guard status == 200 else {
            throw TransportError(
                code: status == 407 ? .accessDenied : .connectionRefused, "the proxy refused the tunnel to \(authority): \(statusLine)")
        }
    }

    private static func socks5(
        _ stream: PlainStream, _ host: String, _ port: Int, _ proxy: ProxySettings, _ deadline: ContinuousClock.Instant
    ) throws(TransportError) {
        let methods: [UInt8] = proxy.user == nil ? [0x00] : [0x00, 0x02]
        try stream.write([0x05, UInt8(methods.count)] + methods, before: deadline)
        let choice = try stream.readExactly(2, before: deadline)
        guard choice[0] == 0x05, methods.contains(choice[1]) else {
            throw TransportError(code: .accessDenied, "the SOCKS5 proxy \(proxy.host):\(proxy.port) accepts none of our authentication methods")
        }
        if choice[1] == 0x02 {
            let user = Array((proxy.user ?? "").utf8.prefix(255)), password = Array((proxy.password ?? "").utf8.prefix(255))
            try stream.write([0x01, UInt8(user.count)] + user + [UInt8(password.count)] + password, before: deadline)
            guard try stream.readExactly(2, before: deadline)[1] == 0x00 else {
                throw TransportError(code: .accessDenied, "the SOCKS5 proxy refused the user name and password")
            }
        }
        let name = Array(host.utf8.prefix(255))
        try stream.write([0x05, 0x01, 0x00, 0x03, UInt8(name.count)] + name + [UInt8(port >> 8), UInt8(port & 0xFF)], before: deadline)
        let reply = try stream.readExactly(4, before: deadline)
        guard reply[0] == 0x05, reply[1] == 0x00 else {
            throw TransportError(code: .connectionRefused, "the SOCKS5 proxy could not reach \(host):\(port) (reply \(reply[1]))")
        }
        // The bound address: IPv4, a name with its length byte, or IPv6; then the port.
        let addressLength =
            switch reply[3] {
            case 0x01: 4
            case 0x04: 16
            default: Int(try stream.readExactly(1, before: deadline)[0])
            }
        _ = try stream.readExactly(addressLength + 2, before: deadline)
    }

    private static func socks4(
        _ stream: PlainStream, _ host: String, _ port: Int, _ proxy: ProxySettings, _ deadline: ContinuousClock.Instant
    ) throws(TransportError) {
        var request: [UInt8] = [0x04, 0x01, UInt8(port >> 8), UInt8(port & 0xFF)]
        var trailingName: [UInt8] = []
        if let address = IPv4Address.parse(host) {
            request += address
        } else if proxy.kind == .socks4a {
            request += [0, 0, 0, 1]  // SOCKS4A: an invalid address says the name follows
            trailingName = Array(host.utf8) + [0]
        } else {
            guard let address = IPv4Address.resolve(host) else { throw TransportError(code: .hostNotFound, "host not found for SOCKS4: \(host)") }
            request += address
        }
        request += Array((proxy.user ?? "").utf8) + [0] + trailingName
        try stream.write(request, before: deadline)
        let reply = try stream.readExactly(8, before: deadline)
        guard reply[1] == 0x5A else {
            throw TransportError(code: .connectionRefused, "the SOCKS4 proxy refused the connection to \(host):\(port) (reply \(reply[1]))")
        }
    }
}
