import ChannelKit
import Foundation

/// Reads Twilio's Messaging webhooks: an incoming message (`MessageSid`, `From`, `To`, `Body`,
/// `NumMedia`, `MediaUrl0`…) or a status callback for a message the gateway sent
/// (`MessageStatus`, `ErrorCode`).
enum SMSWebhook {
    /// The most media Twilio attaches to one message.
    static let maxMedia = 10

    /// The events in a form posted by Twilio.
    ///
    /// - Throws: 400 `malformed_payload` naming the missing or invalid field.
    static func events(in fields: [String: String], now: Date) throws(WebhookError) -> [InboundEvent] {
        if let status = fields["MessageStatus"], !["received", "receiving"].contains(status.lowercased()) {
            return [try receipt(in: fields, status: status, now: now)]
        }
        return [.message(try message(in: fields, now: now))]
    }

    /// A customer's message.
    static func message(in fields: [String: String], now: Date) throws(WebhookError) -> InboundMessage {
        let sid = try require("MessageSid", in: fields)
        let from = try require("From", in: fields)
        let body = fields["Body"] ?? ""
        var metadata: [String: String] = [:]
        metadata[SMSMetadataKey.to] = fields["To"]
        metadata[SMSMetadataKey.messagingServiceSid] = fields["MessagingServiceSid"]
        metadata[SMSMetadataKey.numSegments] = fields["NumSegments"]
        metadata[SMSMetadataKey.compliance] = SMSCompliance.keyword(in: body)?.rawValue
        return InboundMessage(
            providerMessageID: sid,
            sender: Participant(channelUserID: from, phone: from),
            threadKey: from,
            text: body,
            attachments: try attachments(in: fields),
            timestamp: now,
            metadata: metadata
        )
    }

    /// The media of an MMS: `MediaUrl{N}` and `MediaContentType{N}` for N below `NumMedia`.
    static func attachments(in fields: [String: String]) throws(WebhookError) -> [Attachment] {
        guard let text = fields["NumMedia"], !text.isEmpty else { return [] }
        guard let count = Int(text), (0...maxMedia).contains(count) else {
            throw WebhookError.malformed("NumMedia must be an integer from 0 to \(maxMedia)")
        }
        var attachments: [Attachment] = []
        for index in 0..<count {
            let url = try require("MediaUrl\(index)", in: fields)
            let mimeType = fields["MediaContentType\(index)"]
            let last = url.split(separator: "/").last.map(String.init)
            attachments.append(Attachment(
                kind: kind(of: mimeType),
                url: url,
                providerMediaID: last.flatMap { $0.hasPrefix("ME") ? $0 : nil },
                mimeType: mimeType
            ))
        }
        return attachments
    }

    /// A delivery report.
    static func receipt(in fields: [String: String], status: String, now: Date) throws(WebhookError) -> InboundEvent {
        let sid = try require("MessageSid", in: fields)
        guard let mapped = deliveryStatus(status) else {
            return .ignored(reason: "Twilio message status \"\(status.prefix(40))\" is not tracked")
        }
        let code = fields["ErrorCode"].flatMap { $0.isEmpty || $0 == "0" ? nil : $0 }
        return .receipt(DeliveryReceipt(
            providerMessageID: sid,
            status: mapped,
            timestamp: now,
            errorCode: code,
            errorDescription: code.flatMap(TwilioErrorCode.description)
        ))
    }

    /// Twilio's message status as a delivery status: accepted by Twilio (`accepted`, `scheduled`,
    /// `queued`, `sending`, `sent`) is sent; `delivered`, `read`; `undelivered`, `failed` and
    /// `canceled` failed. Others (`received`, unknown values) are not tracked.
    static func deliveryStatus(_ status: String) -> DeliveryStatus? {
        switch status.lowercased() {
        case "accepted", "scheduled", "queued", "sending", "sent": .sent
        case "delivered", "partially_delivered": .delivered
        case "read": .read
        case "undelivered", "failed", "canceled": .failed
        default: nil
        }
    }

    private static func kind(of mimeType: String?) -> Attachment.Kind {
        let type = mimeType?.lowercased() ?? ""
        if type.hasPrefix("image/") { return .image }
        if type.hasPrefix("audio/") { return .audio }
        if type.hasPrefix("video/") { return .video }
        if type.contains("vcard") { return .contact }
        return type.isEmpty ? .other : .file
    }

    private static func require(_ name: String, in fields: [String: String]) throws(WebhookError) -> String {
        guard let value = fields[name], !value.isEmpty else {
            throw WebhookError.malformed("the webhook has no \(name)")
        }
        return value
    }
}
