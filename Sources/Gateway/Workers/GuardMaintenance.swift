import Brain
import Logging
import ServiceLifecycle

/// Deletes guard counters and notices whose windows have passed, for every tenant, at start-up
/// and then every `interval`, so the tables stay the size of two days of traffic.
struct GuardMaintenance: Service {
    let guards: GuardStage
    let tenants: TenantDirectory
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            var removed = 0
            for tenant in tenants.all {
                do {
                    removed += try await guards.prune(tenantID: tenant.id)
                } catch {
                    logger.error("cannot prune guard counters", metadata: ["tenant.id": "\(tenant.id)", "error": "\(error)"])
                }
            }
            if removed > 0 { logger.info("pruned guard counters", metadata: ["rows": "\(removed)"]) }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
