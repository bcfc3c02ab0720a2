import Foundation
import ServiceLifecycle
import SettleAPI

/// The close scheduler as a service: a pass every second (cutoffs are minutes apart; a pass with
/// nothing due is two small queries). Every replica runs one; the ledger sees to it that each
/// cutoff is closed once and each close is settled by one replica at a time. At a graceful
/// shutdown it finishes the pass under way; a close it was settling is taken over by another
/// replica (or the next start) once its claim runs out, and sent at most once all the same.
struct CloseSchedulerService: Service {
    let scheduler: CloseScheduler

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            _ = await scheduler.pass(at: Date())
            try? await Task.sleep(for: .seconds(1))
        }
    }
}
