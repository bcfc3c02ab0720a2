import ServiceLifecycle
import SettleWebhooks
import Synchronization

/// The webhook dispatcher as a service: it delivers until a graceful shutdown, then finishes the
/// pass under way and delivers what is due now (the events of the last settlements) before it
/// returns. The group stops it after the settlements answered 202 have ended and before the
/// ledger closes; what still fails is retried by the next start, or by another replica.
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
