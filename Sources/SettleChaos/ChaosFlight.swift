import SettleDTO
import SettleModel

/// A settlement a process has in hand, between its admission and its ending: where it is, so
/// the settlements of several processes (and several of one process) move a step at a time,
/// interleaved as concurrent requests are.
struct ChaosFlight {
    enum Stage {
        /// In the ledger as `received`; nothing sent yet.
        case admitted
        /// Marked `transmitting`; the link opens next.
        case marked
        /// Its session with the host is under way.
        case linking(ChaosExchange)
    }

    /// The ledger entry's id.
    var id: String
    var terminal: String
    var encoded: SettlementDocument.Encoded
    /// The day it was admitted (the host judges its dates by it).
    var day: LocalDate
    var stage: Stage = .admitted

    /// "terminal/batch", for the trace and the invariants.
    var batch: String { "\(terminal)/\(encoded.batch.batchNumber)" }
    var short: Substring { id.suffix(6) }
    /// Whether it may be on the wire now (marked, or its session under way).
    var isSending: Bool {
        if case .admitted = stage { return false }
        return true
    }
}
