/// Where a chunk size line is within its extensions (RFC 9112 §7.1.1):
/// `chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )`, the name a token
/// and the value a token or a quoted string. Extensions are checked and dropped: none has meaning
/// here, but a line the grammar does not allow (a bare `;`, an unbalanced quote) is refused, as a
/// proxy in front may read it otherwise.
enum ChunkExtension: Sendable, Hashable {
    /// Whitespace after the size: only a `;` may follow.
    case beforeSemicolon
    /// After `;`: a name must follow.
    case beforeName
    case name
    case afterName
    /// After `=`: a value must follow.
    case beforeValue
    case tokenValue
    case quotedValue
    /// After a backslash within the quoted value.
    case quotedPair
    /// Right after the quoted value's closing quote.
    case closedQuote
    /// Whitespace after a value: only a `;` may follow.
    case afterValue

    /// The state after `byte`, or nil when the grammar allows no such byte here. (The line's
    /// CR is handled before: it ends the line where ``mayEndLine``.)
    func next(_ byte: UInt8) -> ChunkExtension? {
        let whitespace = byte == HTTPSyntax.space || byte == HTTPSyntax.tab
        let token = HTTPSyntax.isTokenCharacter(byte)
        let semicolon = byte == UInt8(ascii: ";")
        switch self {
        case .beforeSemicolon: return whitespace ? self : semicolon ? .beforeName : nil
        case .beforeName: return whitespace ? self : token ? .name : nil
        case .name, .afterName:
            if token && self == .name { return .name }
            return whitespace ? .afterName : byte == UInt8(ascii: "=") ? .beforeValue : semicolon ? .beforeName : nil
        case .beforeValue: return whitespace ? self : byte == UInt8(ascii: "\"") ? .quotedValue : token ? .tokenValue : nil
        case .tokenValue: return token ? self : whitespace ? .afterValue : semicolon ? .beforeName : nil
        case .quotedValue:
            if byte == UInt8(ascii: "\"") { return .closedQuote }
            if byte == UInt8(ascii: "\\") { return .quotedPair }
            // qdtext: HTAB, SP, visible characters but the quote and backslash, obs-text.
            return whitespace || (0x21...0x7E).contains(byte) || byte >= 0x80 ? self : nil
        case .quotedPair: return whitespace || (0x21...0x7E).contains(byte) || byte >= 0x80 ? .quotedValue : nil
        case .closedQuote, .afterValue: return whitespace ? .afterValue : semicolon ? .beforeName : nil
        }
    }

    /// Whether the line may end (CRLF) here: right after a name or a value; not inside a quote,
    /// after `;` or `=`, or after whitespace (BWS comes only before `;` and `=`).
    var mayEndLine: Bool {
        switch self {
        case .name, .tokenValue, .closedQuote: true
        default: false
        }
    }
}
