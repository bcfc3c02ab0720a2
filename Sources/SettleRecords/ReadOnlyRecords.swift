import SettleModel

/// Gives the encoder `inout` access to each detail record in place, without copying it.
///
/// The layouts are shared with the decoder, so they take records `inout`; when encoding
/// they only read (every write-back in a layout is guarded by `isDecoding`). Copying each
/// record just to satisfy `inout` cost more than writing the record. Debug builds (and so
/// every test) check that no record was changed, which is what makes the in-place access sound.
enum ReadOnlyRecords {
    static func forEach(
        _ records: [DetailRecord], _ body: (inout DetailRecord) throws(RecordCodingError) -> Void
    ) throws(RecordCodingError) {
        try records.withUnsafeBufferPointer { buffer throws(RecordCodingError) in
            guard let base = buffer.baseAddress else { return }
            let pointer = UnsafeMutablePointer(mutating: base)
            for index in buffer.indices {
                #if DEBUG
                let before = buffer[index]
                #endif
                try body(&pointer[index])
                #if DEBUG
                assert(buffer[index] == before, "encoding changed detail record \(index)")
                #endif
            }
        }
    }
}
