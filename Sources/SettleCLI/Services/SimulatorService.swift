import ServiceLifecycle
import SettleSimulator

/// The built-in TSYS host simulator as a service: listening from the moment it is made (so
/// settlements can reach it as soon as the API accepts them), stopped after the API has drained.
struct SimulatorService: Service {
    let simulator: SimulatorServer

    func run() async throws {
        try? await gracefulShutdown()
        simulator.stop()
    }
}
