import Foundation

/// What the gateway answers a provider's webhook with, as an adapter decides it.
public struct WebhookResponse: Hashable, Sendable {
    public var status: Int
    public var headers: HeaderFields
    public var body: Data

    public init(status: Int = 200, headers: HeaderFields = [:], body: Data = Data()) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A plain-text response (used for handshakes that echo a challenge).
    public static func text(_ text: String, status: Int = 200) -> WebhookResponse {
        WebhookResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Data(text.utf8))
    }

    /// A JSON response from an encodable value.
    public static func json(_ value: some Encodable, status: Int = 200) -> WebhookResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return WebhookResponse(status: status, headers: ["Content-Type": "application/json"], body: body)
    }

    /// An XML response (TwiML and similar).
    public static func xml(_ xml: String, status: Int = 200) -> WebhookResponse {
        WebhookResponse(status: status, headers: ["Content-Type": "text/xml; charset=utf-8"], body: Data(xml.utf8))
    }
}
