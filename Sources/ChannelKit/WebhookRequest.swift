import Foundation

/// A provider's HTTP request to the gateway, as adapters see it: transport-neutral and complete
/// (the raw body is kept byte for byte, because signatures are computed over it).
public struct WebhookRequest: Sendable {
    /// The HTTP method, upper-cased (`GET`, `POST`).
    public var method: String
    /// The part of the path after `/webhooks/{channelId}`, starting with `/` or empty.
    public var subpath: String
    /// The raw query string without the leading `?`, or empty.
    public var rawQuery: String
    public var headers: HeaderFields
    /// The body exactly as received.
    public var body: Data
    /// The URL the provider called, as the outside world sees it: the gateway's configured public
    /// URL plus the request's path and query. Twilio-style signatures are computed over it.
    public var publicURL: String
    /// The address of the peer that sent the request, if known.
    public var remoteAddress: String?

    public init(
        method: String,
        subpath: String = "",
        rawQuery: String = "",
        headers: HeaderFields = [:],
        body: Data = Data(),
        publicURL: String = "",
        remoteAddress: String? = nil
    ) {
        self.method = method.uppercased()
        self.subpath = subpath
        self.rawQuery = rawQuery
        self.headers = headers
        self.body = body
        self.publicURL = publicURL
        self.remoteAddress = remoteAddress
    }

    /// The query parameters, percent-decoded (`+` read as a space, as in forms), in order
    /// (repeated names kept).
    public var queryItems: [URLQueryItem] {
        guard !rawQuery.isEmpty else { return [] }
        return URLComponents(string: "?" + rawQuery.replacingOccurrences(of: "+", with: "%20"))?.queryItems ?? []
    }

    /// The first value of a query parameter.
    public func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}
