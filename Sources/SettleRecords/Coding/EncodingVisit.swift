import SettleModel

/// The one place records are handed out `inout` without being owned: the encoder's walk over a
/// batch's details. The layouts are shared by the encoder and the decoder, so they take records
/// `inout`, but encoding only reads them; copying each record to satisfy `inout` cost more
/// than encoding it. Debug builds (and so every test run) check that no record changed, which
/// is what makes this sound; nothing outside the encoder can call it.
enum EncodingVisit {
    static func forEach<Failure: Error>(
        _ records: [DetailRecord], _ body: (_ record: inout DetailRecord) throws(Failure) -> Void
    ) throws(Failure) {
        try records.withUnsafeBufferPointer { buffer throws(Failure) in
            guard let base = buffer.baseAddress else { return }
            let pointer = UnsafeMutablePointer(mutating: base)
            for index in buffer.indices {
                #if DEBUG
                let before = buffer[index]
                #endif
                try body(&pointer[index])
                #if DEBUG
                assert(buffer[index] == before, "detail record \(index) was changed while being encoded")
                #endif
            }
        }
    }
}
