import Synchronization

/// The tenants, looked up by id: loaded from the configuration at start-up, with the assistant
/// and knowledge base the admin API stored over it, and changed live when an admin edits them
/// (through ``TenantEditor``). One instance is shared by the pipeline, the budget ledger and the
/// admin API; every lookup returns a snapshot, so a message is answered from one consistent
/// version of its tenant.
public final class TenantDirectory: Sendable {
    private let tenants: Mutex<[String: TenantProfile]>

    public init(_ tenants: [TenantProfile]) {
        self.tenants = Mutex(Dictionary(tenants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }))
    }

    public subscript(id: String) -> TenantProfile? { tenants.withLock { $0[id] } }

    public var all: [TenantProfile] { tenants.withLock { Array($0.values) }.sorted { $0.id < $1.id } }

    /// Replaces a configured tenant's profile; returns the one it replaced, or nil (and changes
    /// nothing) when the tenant is not configured: tenants come from the configuration only.
    @discardableResult
    public func replace(_ profile: TenantProfile) -> TenantProfile? {
        tenants.withLock { tenants in
            guard let previous = tenants[profile.id] else { return nil }
            tenants[profile.id] = profile
            return previous
        }
    }

    /// Puts what the admin API stored over the configured profiles (at start-up, before anything
    /// reads them). Returns the ids of the tenants it changed; settings of tenants no longer
    /// configured are ignored.
    @discardableResult
    public func apply(_ stored: [StoredTenantSettings]) -> [String] {
        tenants.withLock { tenants in
            stored.compactMap { settings in
                guard var profile = tenants[settings.tenantID] else { return nil }
                settings.apply(to: &profile)
                tenants[settings.tenantID] = profile
                return settings.tenantID
            }
        }
    }
}
