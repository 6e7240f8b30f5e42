/// Why an identity operation (unlink, merge) was refused. Compare with the static values:
/// `error == .customerNotFound`; the message says which id.
public struct IdentityError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Code: String, Sendable {
        case identityNotFound = "identity_not_found"
        case customerNotFound = "customer_not_found"
        case sameCustomer = "same_customer"
        case onlyIdentity = "only_identity"
    }

    private let value: Code
    /// A sentence for the operator.
    public let message: String

    private init(_ value: Code, _ message: String) {
        self.value = value
        self.message = message
    }

    /// The tenant has no identity with that id (it may belong to another tenant).
    public static let identityNotFound = IdentityError(.identityNotFound, "no such identity")
    /// The tenant has no customer with that id (it may belong to another tenant).
    public static let customerNotFound = IdentityError(.customerNotFound, "no such customer")
    /// A customer cannot be merged into itself.
    public static let sameCustomer = IdentityError(.sameCustomer, "a customer cannot be merged into itself")
    /// The identity is its customer's only one: unlinking it would leave an empty customer.
    public static let onlyIdentity = IdentityError(.onlyIdentity, "the identity is its customer's only one")

    static func missing(identity id: String) -> IdentityError {
        IdentityError(.identityNotFound, "no identity \"\(id)\" for this tenant")
    }

    static func missing(customer id: String) -> IdentityError {
        IdentityError(.customerNotFound, "no customer \"\(id)\" for this tenant")
    }

    /// A stable code for API responses (`identity_not_found`).
    public var code: String { value.rawValue }

    /// Whether the error means the id does not exist for the tenant (an HTTP 404), rather than a
    /// request that conflicts with the data (409).
    public var isNotFound: Bool { value == .identityNotFound || value == .customerNotFound }

    public var description: String { "\(code): \(message)" }

    /// Errors are equal when their codes are: the message is for people.
    public static func == (lhs: IdentityError, rhs: IdentityError) -> Bool { lhs.value == rhs.value }

    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
