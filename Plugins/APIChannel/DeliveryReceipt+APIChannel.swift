import ChannelKit
import Foundation

extension DeliveryReceipt {
    /// The statuses an integrator may report.
    static let apiChannelStatuses: [DeliveryStatus] = [.sent, .delivered, .read, .failed]

    /// Reads an API-channel receipt object:
    /// `{"type": "receipt", "messageId", "status", "timestamp", "error"}`.
    ///
    /// `messageId` is the id the integrator returned when it accepted the reply, or else the
    /// reply's own `id`. `error` is a string or an object `{"code", "message"}`.
    init(apiChannelPayload object: PayloadObject, now: Date) throws(WebhookError) {
        let messageID = try object.requiredString("messageId", maxLength: APIChannelLimits.maxMessageIDLength)
        let statusField = object.path(of: "status")
        guard let statusText = try object.string("status"),
              let status = DeliveryStatus(rawValue: statusText),
              Self.apiChannelStatuses.contains(status) else {
            let allowed = Self.apiChannelStatuses.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw WebhookError.malformed("\"\(statusField)\" must be one of \(allowed)")
        }
        let (errorCode, errorDescription) = try Self.error(in: object)
        self.init(
            providerMessageID: messageID,
            status: status,
            timestamp: try object.date("timestamp") ?? now,
            errorCode: errorCode,
            errorDescription: errorDescription
        )
    }

    private static func error(in object: PayloadObject) throws(WebhookError) -> (code: String?, description: String?) {
        switch object.value("error") {
        case nil:
            return (nil, nil)
        case .string(let text)?:
            return (nil, text.isEmpty ? nil : text)
        case .object(let members)?:
            let error = PayloadObject(members, path: object.path(of: "error"))
            return (try error.string("code"), try error.string("message"))
        case let other?:
            throw object.mistyped("error", expected: "a string or an object", found: other)
        }
    }
}
