import ServiceLifecycle
import SettleWebhooks
import Synchronization

/// The webhook dispatcher as a service: it delivers until a graceful shutdown, then finishes the
/// pass under way (its tries recorded) and returns. The group stops it after the settlements
/// answered 202 have ended and before the ledger closes; what is still pending is delivered by
/// the next start, or by another replica.
struct WebhookService: Service {
    let dispatcher: WebhookDispatcher

    func run() async throws {
        let stopping = Stopping()
        await withGracefulShutdownHandler {
            await dispatcher.run(shouldStop: { stopping.flag.load(ordering: .relaxed) })
        } onGracefulShutdown: {
            stopping.flag.store(true, ordering: .relaxed)
        }
    }

    private final class Stopping: Sendable {
        let flag = Atomic<Bool>(false)
    }
}
