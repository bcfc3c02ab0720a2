import Foundation
import Logging
import SettleJSON
import SettleService
import Synchronization

/// `--log-format json`: one JSON object per line on standard error, with the time (RFC 3339,
/// UTC), level, label and message, and each metadata entry as a field of its own (a name that
/// would shadow one of those four is kept as `metadata.NAME`). swift-log ships no JSON handler.
///
/// Messages and metadata are masked once more on the way out: any digit run that could be a card
/// number shows its first six and last four digits only, whatever its producer did.
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .warning
    var metadata: Logger.Metadata = [:]

    /// Lines from different threads never interleave.
    private static let output = Mutex(FileHandle.standardError)

    init(label: String) { self.label = label }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var fields = metadata
        if let extra = event.metadata { fields.merge(extra) { _, new in new } }
        let line = Self.line(
            time: Date(), level: event.level, label: label, message: "\(event.message)", metadata: fields)
        Self.output.withLock { $0.write(Data(line.utf8)) }
    }

    static let reserved: Set<String> = ["time", "level", "label", "message"]

    /// The event as one line of JSON, newline included.
    static func line(time: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> String {
        var json = JSONWriter(capacity: 256)
        json.object { json in
            json.key("time")
            json.string(time.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt)))
            json.key("level")
            json.string(level.rawValue)
            json.key("label")
            json.string(label)
            json.key("message")
            json.string(PacketTrace.masked(message))
            for key in metadata.keys.sorted() {
                json.key(reserved.contains(key) ? "metadata.\(key)" : key)
                write(metadata[key]!, to: &json)
            }
        }
        return String(decoding: json.bytes, as: UTF8.self) + "\n"
    }

    private static func write(_ value: Logger.Metadata.Value, to json: inout JSONWriter) {
        switch value {
        case .string(let text): json.string(PacketTrace.masked(text))
        case .stringConvertible(let convertible): json.string(PacketTrace.masked(convertible.description))
        case .array(let values): json.array(values) { json, value in write(value, to: &json) }
        case .dictionary(let entries):
            json.object { json in
                for key in entries.keys.sorted() {
                    json.key(key)
                    write(entries[key]!, to: &json)
                }
            }
        }
    }
}
