/// One member name of an object in ``JSONTape/directory``: its signature and its node.
/// An object's entries sit side by side, so a lookup scans a few contiguous words instead of
/// hopping from member to member through the tape (which profiling showed was load-latency bound).
struct KeyEntry {
    var signature: UInt32
    /// The tape index of the name's string node (its value is the next node).
    var node: Int32
}
