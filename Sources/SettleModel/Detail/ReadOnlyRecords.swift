/// Visits each detail record in place, through `inout`, without copying it.
///
/// The record layouts are shared by the encoder and the decoder, so they take records
/// `inout`; the encoder and the validator only read. A `DetailRecord` is large, and copying
/// each one just to satisfy `inout` cost more than checking or writing it. The body must not
/// change the record: debug builds (and so every test run) check that it did not, which is
/// what makes handing out `inout` access to an immutable array sound.
public enum ReadOnlyRecords {
    public static func forEach<Failure: Error>(
        _ records: [DetailRecord], _ body: (_ index: Int, _ record: inout DetailRecord) throws(Failure) -> Void
    ) throws(Failure) {
        try records.withUnsafeBufferPointer { buffer throws(Failure) in
            guard let base = buffer.baseAddress else { return }
            let pointer = UnsafeMutablePointer(mutating: base)
            for index in buffer.indices {
                #if DEBUG
                let before = buffer[index]
                #endif
                try body(index, &pointer[index])
                #if DEBUG
                assert(buffer[index] == before, "detail record \(index) was changed during a read-only visit")
                #endif
            }
        }
    }
}
