import ChannelKit
import Foundation

extension InboundMessage {
    /// Reads an API-channel message object:
    /// `{"id", "from": {"id", "name", "phone", "email"}, "text", "thread", "timestamp", "attachments"}`.
    ///
    /// `thread` defaults to `from.id`, `timestamp` to `now`. `text` may be absent only when
    /// `attachments` holds at least one; it then defaults to the attachments' captions.
    init(apiChannelPayload object: PayloadObject, now: Date) throws(WebhookError) {
        let id = try object.requiredString("id", maxLength: APIChannelLimits.maxMessageIDLength)
        guard let from = try object.object("from") else {
            throw WebhookError.malformed("\"\(object.path(of: "from"))\" must be an object with an \"id\", but it is missing")
        }
        let sender = Participant(
            channelUserID: try from.requiredString("id"),
            displayName: try from.string("name"),
            phone: try from.string("phone"),
            email: try from.string("email")
        )
        let attachments = try object.objects("attachments").map { (item) throws(WebhookError) in
            try Attachment(apiChannelPayload: item)
        }
        let text = try Self.text(of: object, attachments: attachments)
        self.init(
            providerMessageID: id,
            sender: sender,
            threadKey: try object.string("thread") ?? sender.channelUserID,
            text: text,
            attachments: attachments,
            timestamp: try object.date("timestamp") ?? now
        )
    }

    private static func text(of object: PayloadObject, attachments: [Attachment]) throws(WebhookError) -> String {
        let field = object.path(of: "text")
        guard let text = try object.string("text"), !text.allSatisfy(\.isWhitespace) else {
            guard !attachments.isEmpty else {
                throw WebhookError.malformed("\"\(field)\" must be a non-empty string when the message has no attachments")
            }
            return attachments.compactMap(\.caption).joined(separator: "\n")
        }
        guard text.count <= APIChannelLimits.maxInboundTextLength else {
            throw WebhookError.malformed("\"\(field)\" must be at most \(APIChannelLimits.maxInboundTextLength) characters long")
        }
        return text
    }
}
