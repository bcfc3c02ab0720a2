import ServiceLifecycle
import SettleAPI

/// The settlements answered `202 Accepted` as a service. The group stops it after the API has
/// drained (no request can hand one over any more) and before the simulator and the ledger, so
/// every one of them ends, with its ending recorded, before the process exits.
struct BackgroundSettlementService: Service {
    let settlements: BackgroundSettlements

    func run() async throws {
        await withGracefulShutdownHandler {
            await settlements.run()
        } onGracefulShutdown: {
            settlements.finish()
        }
    }
}
