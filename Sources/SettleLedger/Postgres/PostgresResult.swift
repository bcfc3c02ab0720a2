import CPostgres
import Foundation

/// Reading a libpq result: its rows as ledger values, or the error it carries.
enum PostgresResult {
    /// The rows of a `PGRES_TUPLES_OK` result, by the columns' types: integers, text, bytea
    /// (`\x` hex); NULL as `.null`.
    static func rows(of result: OpaquePointer?) -> [[LedgerValue]] {
        let count = PQntuples(result), columns = PQnfields(result)
        var rows: [[LedgerValue]] = []
        rows.reserveCapacity(Int(count))
        for row in 0..<count {
            var values: [LedgerValue] = []
            for column in 0..<columns {
                if PQgetisnull(result, row, column) == 1 {
                    values.append(.null)
                    continue
                }
                let text = String(cString: PQgetvalue(result, row, column))
                switch PQftype(result, column) {
                case 20, 21, 23: values.append(Int64(text).map(LedgerValue.integer) ?? .null)
                case 17 where text.hasPrefix("\\x"): values.append(.blob(hexBytes(text)))
                case 17: values.append(.null)  // not hex: the connection asks for hex, so never read wrong bytes
                default: values.append(.text(text))
                }
            }
            rows.append(values)
        }
        return rows
    }

    /// The failure `result` (or, without one, the connection) reports, naming the statement by
    /// its first words only: values never appear in a message.
    static func error(_ result: OpaquePointer?, _ connection: OpaquePointer, statement sql: String) -> LedgerError {
        let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) } ?? ""
        let message = result.map { String(cString: PQresultErrorMessage($0)) } ?? String(cString: PQerrorMessage(connection))
        return LedgerError("\(sql.split(separator: " ").prefix(3).joined(separator: " "))…: \(firstLine(message))", sqlState: state)
    }

    static func firstLine(_ message: String) -> String {
        message.split(separator: "\n").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? message
    }

    /// bytea's text form, `\x` and two hex digits per byte.
    private static func hexBytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var high: UInt8?
        for character in text.utf8.dropFirst(2) {
            guard let nibble = character.hexNibble else { continue }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }
}

extension UInt8 {
    fileprivate var hexNibble: UInt8? {
        switch self {
        case 48...57: self - 48
        case 97...102: self - 87
        case 65...70: self - 55
        default: nil
        }
    }
}
