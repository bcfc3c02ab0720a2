import Foundation

/// A replica's right to start sending the settlements it admits, held in the ledger and renewed
/// while the replica runs. Each entry names the instance and the term it was admitted under; the
/// link opens only while that term's lease is current, and an entry whose owner's lease lapsed is
/// taken as interrupted by whichever replica recovers next. A replica that lapses (a long pause,
/// a lost database) comes back under a new term, so what it admitted before cannot be sent.
public struct ReplicaLease: Sendable, Hashable {
    /// This process's id, unique per start.
    public let instance: String
    /// Grows by one each time the instance takes its lease afresh.
    public let term: Int64
    /// The lease holds until then unless renewed (by the replica's clock).
    public let expires: Date

    public init(instance: String, term: Int64, expires: Date) {
        self.instance = instance
        self.term = term
        self.expires = expires
    }

    /// A new instance id: the host name (a container's is its id) and 48 random bits, so the log
    /// says where a replica ran and no two starts share an id.
    public static func newInstanceID() -> String {
        let host = ProcessInfo.processInfo.hostName.prefix(40).filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
        let suffix = String(UInt64.random(in: 0..<(1 << 48)), radix: 16)
        return (host.isEmpty ? "replica" : String(host)) + "-" + String(repeating: "0", count: 12 - suffix.count) + suffix
    }
}

/// What renewing a lease found.
public enum LeaseRenewal: Sendable, Hashable {
    /// Still current; it now holds until the new expiry.
    case renewed(ReplicaLease)
    /// It had lapsed: a new term began, and what was admitted under `previousTerm` and not yet
    /// sent will not be (recovery fails it).
    case lapsed(previousTerm: Int64, ReplicaLease)

    public var lease: ReplicaLease {
        switch self {
        case .renewed(let lease), .lapsed(_, let lease): lease
        }
    }
}

/// Which `received` and `transmitting` entries recovery takes as interrupted.
enum RecoveryRule: Sendable {
    /// Every one: one process owns the ledger, and it is starting (SQLite).
    case everything
    /// Those whose owner's lease term is not current at `now`; an entry with no owner (admitted
    /// before leases, or copied) once unchanged since `unownedBefore`; and, whoever owns it, a
    /// `received` entry unchanged since `staleBefore` (a stale admission, see
    /// ``DatabaseLedger/staleAdmissionLimit``).
    case leases(unownedBefore: Date, staleBefore: Date)
    /// Only `received` entries unchanged since `before`: a process that owns the ledger, while
    /// it runs.
    case staleAdmissions(before: Date)
}
