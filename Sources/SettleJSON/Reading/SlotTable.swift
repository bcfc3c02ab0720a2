/// One object's index by a ``KeySet``: for each name's slot, the tape index of the member's
/// value, or -1 when the member is absent or null.
///
/// The slots are carved from chunks the ``JSONTape`` owns (``JSONTape/slotTable(count:)``), so
/// a table lives exactly as long as its tape and indexing a hundred objects makes no hundred
/// allocations. It is written only while its object is indexed, before any read.
@usableFromInline struct SlotTable {
    /// nil for an object not indexed yet.
    @usableFromInline let base: UnsafeMutablePointer<Int32>?

    init(_ base: UnsafeMutablePointer<Int32>?) { self.base = base }

    @inlinable var isIndexed: Bool { base != nil }

    @inlinable subscript(slot: Int) -> Int32 {
        get { base.unsafelyUnwrapped[slot] }
        nonmutating set { base.unsafelyUnwrapped[slot] = newValue }
    }
}
