import Foundation

/// An HTTP request an adapter wants sent to its provider (send a message, mark as read).
///
/// Adapters build these and never send them: the gateway's dispatcher does, with retries.
public struct ProviderRequest: Hashable, Sendable {
    public var method: String
    /// The absolute URL, built from the channel's configured base URL.
    public var url: String
    public var headers: HeaderFields
    public var body: Data

    public init(method: String = "POST", url: String, headers: HeaderFields = [:], body: Data = Data()) {
        self.method = method.uppercased()
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// The provider's answer to a ``ProviderRequest``, handed back to the adapter to interpret.
public struct ProviderResponse: Hashable, Sendable {
    public var status: Int
    public var headers: HeaderFields
    public var body: Data

    public init(status: Int, headers: HeaderFields = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// What a successful send returned.
public struct SendReceipt: Hashable, Sendable {
    /// The provider's id for the message it accepted, if it returned one. Delivery receipts
    /// refer to it later.
    public var providerMessageID: String?

    public init(providerMessageID: String?) {
        self.providerMessageID = providerMessageID
    }
}
