import ChannelKit
import Foundation
import MetaChannel

/// The Meta app every test channel belongs to.
enum MetaApp {
    static let appSecret = Secret("test-app-secret")
    static let verifyToken = Secret("test-verify-token")
    static let accessToken = Secret("EAAJBtest-access-token")

    static let secrets: [String: Secret] = [
        "accessToken": accessToken,
        "appSecret": appSecret,
        "verifyToken": verifyToken,
    ]

    /// A POST of `body`, signed with the app secret as Meta signs it.
    static func signedRequest(_ body: String) -> WebhookRequest {
        let data = Data(body.utf8)
        return request(body, signature: "sha256=" + Signature.hmacSHA256Hex(key: appSecret, data: data))
    }

    /// A POST of `body` with the `X-Hub-Signature-256` value given (nil: none).
    static func request(_ body: String, signature: String?) -> WebhookRequest {
        var headers: HeaderFields = ["Content-Type": "application/json"]
        if let signature { headers["X-Hub-Signature-256"] = signature }
        return WebhookRequest(method: "POST", headers: headers, body: Data(body.utf8))
    }

    /// The moment the tests call "now": 2025-02-12T00:43:44Z, the timestamp of Meta's examples.
    static let now = Date(timeIntervalSince1970: 1_739_321_024)
}

/// A test expectation about data that did not hold.
struct TestFailure: Error, CustomStringConvertible {
    var description: String
}

/// The members of a JSON object body.
func jsonObject(_ data: Data) throws -> [String: JSONValue] {
    guard case .object(let members) = try JSONDecoder().decode(JSONValue.self, from: data) else {
        throw TestFailure(description: "expected a JSON object: \(String(decoding: data, as: UTF8.self))")
    }
    return members
}

extension JSONValue {
    /// The member at a dotted path (`message.quick_replies`), or nil.
    subscript(path path: String) -> JSONValue? {
        var current: JSONValue? = self
        for key in path.split(separator: ".") {
            guard case .object(let members)? = current else { return nil }
            current = members[String(key)]
        }
        return current
    }
}

extension Delivery {
    /// The provider requests of a provider-API delivery.
    func providerRequests() throws -> [ProviderRequest] {
        guard case .providerAPI(let requests) = self else {
            throw TestFailure(description: "expected provider API requests, got \(self)")
        }
        return requests
    }
}

extension [InboundEvent] {
    /// The messages among the events, in order.
    var messages: [InboundMessage] {
        compactMap { if case .message(let message) = $0 { message } else { nil } }
    }

    /// The receipts among the events, in order.
    var receipts: [DeliveryReceipt] {
        compactMap { if case .receipt(let receipt) = $0 { receipt } else { nil } }
    }

    /// The reasons of the ignored events, in order.
    var ignoredReasons: [String] {
        compactMap { if case .ignored(let reason) = $0 { reason } else { nil } }
    }
}

/// The request body as JSON text, for byte-for-byte comparisons.
func bodyText(_ request: ProviderRequest) -> String {
    String(decoding: request.body, as: UTF8.self)
}
