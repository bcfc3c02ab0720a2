/// One value of a parsed document. Nodes sit in document order in ``JSONTape/nodes``: a
/// container is followed by its contents (an object by key, value, key, value, ...), and
/// `end` says where the container's contents stop, so a reader can step over any value.
public struct JSONNode: BitwiseCopyable {
    public enum Kind: UInt8, Sendable, BitwiseCopyable {
        case null, `false`, `true`, integer, number, string, array, object
    }

    @usableFromInline var kind: Kind
    /// A string kept in ``JSONTape/decoded`` (it had escapes) rather than in the input bytes;
    /// `start` is then its index there.
    @usableFromInline var decoded = false
    /// Strings and numbers: the first byte of the text in the input (inside the quotes).
    /// Objects: where their member names begin in ``JSONTape/directory``.
    @usableFromInline var start: Int32 = 0
    /// Strings and numbers: the length in UTF-8 bytes. Containers: how many members or elements.
    @usableFromInline var length: Int32 = 0
    /// The index of the node after this value and everything inside it.
    var end: Int32 = 0
    /// Integers: the value. Numbers: the `Double`'s bits. Strings: their ``KeySignature``.
    /// Objects: the ``KeySignature/maskBit``s of their keys, or'ed together.
    @usableFromInline var payload: UInt64 = 0
}
