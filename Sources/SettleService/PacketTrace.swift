import SettleFraming
import SettleModel
import SettleRecords
import SettleTransport
import Synchronization

/// The data packets of one settlement, each way, as people may see them: blocks in visible form
/// with card numbers masked, control characters by name (the class reference's
/// `on_data_packet_out` / `on_data_packet_in`).
public final class PacketTrace: Sendable {
    private let lines = Mutex<[String]>([])
    /// How the batch's records are laid out, so the masker finds each card number (group 41's
    /// length reading changes where the records after it start).
    public let profile: WireProfile

    public init(profile: WireProfile = .standard) { self.profile = profile }

    /// The lines so far: `>> ` for packets sent, `<< ` for packets received.
    public var entries: [String] { lines.withLock { $0 } }

    /// The observer to hand to a transport: packets as `>> ` (sent) and `<< ` (received) lines,
    /// the other events as `-- ` lines.
    public var observer: LinkEventObserver {
        { [self] event in record(event) }
    }

    func record(_ event: LinkEvent) {
        let line = PacketTrace.line(for: event, profile: profile)
        lines.withLock { $0.append(line) }
    }

    /// One event as a trace line, masked: what the trace and the log both show.
    static func line(for event: LinkEvent, profile: WireProfile) -> String {
        let line: String
        switch event {
        case .packetOut(let bytes): line = ">> " + PacketTrace.render(bytes, profile: profile)
        case .packetIn(let bytes): line = "<< " + PacketTrace.render(bytes, profile: profile)
        case .connected(let host, let port): line = "-- connected to \(host):\(port)"
        case .tlsEstablished(let version, let cipher): line = "-- TLS \(version) \(cipher)"
        case .serverCertificate(let subject, let issuer, let accepted):
            line = "-- host certificate \(subject) issued by \(issuer)\(accepted ? "" : " (refused)")"
        case .error(let code, let message): line = "-- error \(code): \(masked(message))"
        case .disconnected: line = "-- disconnected"
        case .warning(let message): line = "-- warning: \(message)"
        }
        return line
    }

    /// Text with any digit run that could be a card number masked.
    public static func masked(_ text: String) -> String {
        String(decoding: PacketMasker.maskedPayload(Array(text.utf8)), as: UTF8.self)
    }

    /// Framed blocks in visible form (masked); control characters by name; any other bytes as
    /// text with digit runs that could be card numbers masked.
    static func render(_ bytes: [UInt8], profile: WireProfile) -> String {
        var parts: [String] = []
        var stray: [UInt8] = []
        func flush() {
            if !stray.isEmpty { parts.append(String(decoding: PacketMasker.maskedPayload(stray, profile: profile), as: UTF8.self)) }
            stray.removeAll()
        }
        var index = 0
        while index < bytes.count {
            let value = Parity.strip(bytes[index])
            if value == ControlCharacter.stx.rawValue, let block = try? BlockReader.readBlock(bytes[index...]) {
                flush()
                parts.append(PacketMasker.visible(block: bytes[index..<(index + block.wireLength)], profile: profile))
                index += block.wireLength
            } else if let control = ControlCharacter(rawValue: value) {
                flush()
                parts.append("<\(control.name)>")
                index += 1
            } else {
                stray.append(value)
                index += 1
            }
        }
        flush()
        return parts.joined()
    }
}
