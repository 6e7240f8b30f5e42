import ChannelKit
import Foundation

/// Reads one element of `messages[]`: the envelope every type shares (`from`, `id`, `timestamp`,
/// `type`, `context`), then the content its type carries (``WhatsAppMessageContent``).
///
/// The sender is the WhatsApp user id in `from`: their ``Participant/channelUserID``, thread key
/// and (with a `+`) phone number. The message id (`wamid.…`) is the provider message id and is kept
/// in ``InboundMessage/metadata`` as `wamid` for the read receipt.
enum WhatsAppInboundMessage {
    /// Metadata keys the adapter sets.
    enum MetadataKey {
        /// The message's id, to mark it as read.
        static let wamid = "wamid"
        /// The id of the tapped button or list row, or a template quick reply's payload.
        static let payload = "payload"
        /// The id of the business message the customer replied to or whose button they tapped.
        static let contextID = "context.id"
    }

    static func event(from message: MetaPayload, profileNames: [String: String]) throws(WebhookError) -> InboundEvent {
        let id = try message.requiredString("id")
        let from = try message.requiredString("from")
        let timestamp = try message.unixSeconds("timestamp")
        let type = try message.requiredString("type")
        if try message.string("group_id") != nil {
            return .ignored(reason: "\(message.path): messages in WhatsApp groups are not handled")
        }
        let content: WhatsAppMessageContent
        switch try WhatsAppMessageContent.read(type: type, in: message) {
        case .content(let read): content = read
        case .ignored(let reason): return .ignored(reason: "\(message.path): \(reason)")
        }
        var metadata = content.metadata
        metadata[MetadataKey.wamid] = id
        if let contextID = try message.object("context")?.string("id") {
            metadata[MetadataKey.contextID] = contextID
        }
        let sender = Participant(
            channelUserID: from,
            displayName: profileNames[from] ?? (profileNames.count == 1 ? profileNames.values.first : nil),
            phone: phoneNumber(from)
        )
        return .message(InboundMessage(
            providerMessageID: id,
            sender: sender,
            threadKey: from,
            text: content.text,
            attachments: content.attachments,
            timestamp: timestamp,
            metadata: metadata
        ))
    }

    /// `+` and the digits of a WhatsApp id that is a phone number (`16505551234`, `+16505551234`);
    /// nil for an id that is not one.
    private static func phoneNumber(_ id: String) -> String? {
        let digits = id.hasPrefix("+") ? id.dropFirst() : Substring(id)
        guard !digits.isEmpty, digits.count <= 15, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return "+" + digits
    }
}
