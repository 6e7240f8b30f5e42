/// The configured tenants, looked up by id.
public struct TenantDirectory: Sendable {
    private let tenants: [String: TenantProfile]

    public init(_ tenants: [TenantProfile]) {
        self.tenants = Dictionary(tenants.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(id: String) -> TenantProfile? { tenants[id] }

    public var all: [TenantProfile] { tenants.values.sorted { $0.id < $1.id } }
}
