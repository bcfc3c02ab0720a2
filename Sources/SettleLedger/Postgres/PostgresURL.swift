import Foundation

/// A PostgreSQL connection URL as people may see it: the password, if the URL holds one, is
/// replaced, so no message, log line or `config` output shows it.
enum PostgresURL {
    /// `postgresql://ledger:secret@db/settle` → `postgresql://ledger:<redacted>@db/settle`, and
    /// a `password=` query parameter likewise.
    static func redacted(_ url: String) -> String {
        var text = url
        // The user information ends at the last `@` before the path: a password may hold an `@`.
        let authorityEnd =
            text.range(of: "://").flatMap { scheme in text[scheme.upperBound...].firstIndex { $0 == "/" || $0 == "?" } } ?? text.endIndex
        if let scheme = text.range(of: "://"), let at = text[scheme.upperBound..<authorityEnd].lastIndex(of: "@") {
            let userinfo = text[scheme.upperBound..<at]
            if let colon = userinfo.firstIndex(of: ":") { text.replaceSubrange(text.index(after: colon)..<at, with: "<redacted>") }
        }
        while let range = text.range(of: "password=", options: .caseInsensitive),
            !text[range.upperBound...].hasPrefix("<redacted>")
        {
            let end = text[range.upperBound...].firstIndex { $0 == "&" || $0 == " " } ?? text.endIndex
            text.replaceSubrange(range.upperBound..<end, with: "<redacted>")
        }
        return text
    }

    /// Whether `text` names a PostgreSQL ledger.
    static func isPostgres(_ text: String) -> Bool { text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") }
}
