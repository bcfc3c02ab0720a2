/// Visits each detail record where it lies: borrowed, never copied, and with no way to change it.
///
/// A `DetailRecord` is large (some thirty strings and boxed groups), and copying each one out
/// of the batch to look at it cost more than checking it. How a record reaches the body decides
/// whether it is copied: an array element (or any value read through a subscript) handed to a
/// closure is copied first, while a variable in memory is lent by its address. So each element is
/// reached as such a variable and lent on as `borrowing`: the body reads it in place and cannot
/// write it. (Measured: handing elements over directly made validation and planning a third slower.)
public enum ReadOnlyRecords {
    public static func forEach<Failure: Error>(
        _ records: [DetailRecord], _ body: (_ index: Int, _ record: borrowing DetailRecord) throws(Failure) -> Void
    ) throws(Failure) {
        try records.withUnsafeBufferPointer { buffer throws(Failure) in
            guard let base = buffer.baseAddress else { return }
            // The storage is never written: `lend` takes the element `inout` only to have its
            // address, and lends it on read-only.
            let elements = UnsafeMutablePointer(mutating: base)
            for index in buffer.indices { try lend(&elements[index], index, body) }
        }
    }

    @inline(__always)
    private static func lend<Failure: Error>(
        _ record: inout DetailRecord, _ index: Int, _ body: (_ index: Int, _ record: borrowing DetailRecord) throws(Failure) -> Void
    ) throws(Failure) {
        try body(index, record)
    }
}
