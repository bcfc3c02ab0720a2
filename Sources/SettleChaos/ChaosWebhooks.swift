import Foundation
import SettleLedger

/// The webhook outbox under the fault simulator: a process's dispatcher pass (schedule the new
/// events, claim what is due, try each against a receiver that fails some tries, record) as one
/// step, and the process may stop between its claim and its record. It checks that no delivery
/// is claimed by one process while another's claim on it holds, and at the end that every event
/// was delivered.
struct ChaosWebhooks {
    /// Not a real endpoint: nothing is posted, the receiver is this simulation.
    let endpoint: String
    /// The claims this simulation made and has not seen recorded: delivery → (claimant, until).
    private var claims: [String: (claimant: String, until: Date)] = [:]
    /// Successful tries, by event.
    private(set) var delivered: [String: Int] = [:]
    /// How long a claim holds (as the dispatcher's: a try's timeouts and a margin).
    static let claimFor: TimeInterval = 60

    init(endpoint: String) { self.endpoint = endpoint }

    struct Broken: Error { let invariant: String }

    /// One pass by `claimant` at `now`; with `stops`, the process stops after claiming (its tries
    /// never made, its claims left to run out). Returns a line for the trace.
    mutating func pass(
        _ ledger: DatabaseLedger, claimant: String, now: Date, failing percent: Int, stops: Bool, random: inout ChaosRandom
    ) throws -> String {
        let scheduled = try ledger.scheduleWebhookDeliveries(endpoint: endpoint, types: [], at: now)
        let claimed = try ledger.claimWebhookDeliveries(
            replica: claimant, endpoints: [endpoint], at: now, until: now.addingTimeInterval(Self.claimFor), limit: 4)
        for delivery in claimed.map(\.delivery) {
            if let held = claims[delivery.id], held.claimant != claimant, held.until > now {
                throw Broken(invariant: "delivery \(delivery.id.suffix(8)) was claimed by \(claimant) while \(held.claimant)'s claim held")
            }
            claims[delivery.id] = (claimant, now.addingTimeInterval(Self.claimFor))
        }
        guard !stops else { return "\(claimant) schedules \(scheduled), claims \(claimed.count) deliveries, and stops before trying them" }
        var results: [String] = []
        for item in claimed {
            let succeeds = !random.chance(percent)
            let outcome =
                succeeds
                ? WebhookAttemptOutcome(status: 204, error: nil, retryAt: nil)
                : WebhookAttemptOutcome(status: 503, error: "HTTP 503", retryAt: now.addingTimeInterval(Double(random.int(5...60))))
            try ledger.recordWebhookAttempt(outcome, of: item.delivery.id, by: claimant, at: now, milliseconds: 3)
            claims[item.delivery.id] = nil
            if succeeds { delivered[item.event.id, default: 0] += 1 }
            results.append(succeeds ? "204" : "503")
        }
        return "\(claimant) schedules \(scheduled), delivers \(results)"
    }

    /// At the end: every event of `events` reached the receiver, and its delivery reads delivered.
    func checkEveryEventDelivered(_ events: [LedgerEvent], in ledger: DatabaseLedger) throws {
        for event in events {
            guard delivered[event.id, default: 0] >= 1 else {
                throw Broken(invariant: "event \(event.type.rawValue) \(event.id.suffix(8)) was never delivered")
            }
            let deliveries = try ledger.webhookDeliveries(WebhookDeliveryQuery(eventID: event.id, limit: 10))
            guard deliveries.count == 1, deliveries[0].state == .delivered else {
                throw Broken(invariant: "event \(event.id.suffix(8)) has deliveries \(deliveries.map(\.state.rawValue)), not one delivered")
            }
        }
    }
}
