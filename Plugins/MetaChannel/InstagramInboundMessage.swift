import ChannelKit
import Foundation

/// Builds the ``InboundMessage`` of an Instagram `message` or `postback` event.
///
/// The sender's Instagram-scoped id (IGSID) is the ``Participant/channelUserID`` and the thread
/// key; the message id (`mid`) is the provider message id. Quick replies keep their payload in
/// metadata `payload` (the text is the tapped title); story replies keep the story's id and URL;
/// story mentions are flagged with `story_mention`.
enum InstagramInboundMessage {
    /// Metadata keys the adapter sets.
    enum MetadataKey {
        static let mid = "mid"
        /// A quick reply's or postback's payload.
        static let payload = "payload"
        /// The id of the message the customer replied to.
        static let replyToMID = "reply_to.mid"
        /// The id of the story the customer replied to.
        static let storyID = "reply_to.story.id"
        /// The CDN URL of the story the customer replied to (it expires with the story).
        static let storyURL = "reply_to.story.url"
        /// `true` when the message is a mention of the business in the customer's story.
        static let storyMention = "story_mention"
    }

    static func message(_ message: MetaPayload, mid: String, senderID: String, timestamp: Date) throws(WebhookError) -> InboundEvent {
        var metadata = [MetadataKey.mid: mid]
        var text = try message.string("text") ?? ""
        if let payload = try message.object("quick_reply")?.string("payload") {
            metadata[MetadataKey.payload] = payload
            if text.isEmpty { text = payload }
        }
        var attachments: [Attachment] = []
        for item in try message.objects("attachments") {
            attachments.append(try Attachment(instagram: item))
            if try item.string("type") == "story_mention" { metadata[MetadataKey.storyMention] = "true" }
        }
        if let replyTo = try message.object("reply_to") {
            if let replied = try replyTo.string("mid") { metadata[MetadataKey.replyToMID] = replied }
            if let story = try replyTo.object("story") {
                metadata[MetadataKey.storyID] = try story.identifier("id")
                metadata[MetadataKey.storyURL] = try story.string("url")
            }
        }
        guard !text.isEmpty || !attachments.isEmpty else {
            return .ignored(reason: "\(message.path): a message with neither text nor attachments")
        }
        return .message(InboundMessage(
            providerMessageID: mid,
            sender: Participant(channelUserID: senderID),
            threadKey: senderID,
            text: text,
            attachments: attachments,
            timestamp: timestamp,
            metadata: metadata
        ))
    }

    /// A tapped icebreaker or template button: `{"mid", "title", "payload"}`. Postbacks without a
    /// `mid` (Graph API before v11.0) cannot be deduplicated and are ignored.
    static func postback(_ postback: MetaPayload, senderID: String, timestamp: Date) throws(WebhookError) -> InboundEvent {
        guard let mid = try postback.string("mid") else {
            return .ignored(reason: "\(postback.path): a postback without a mid (use Graph API v11.0 or later)")
        }
        let payload = try postback.string("payload")
        guard let text = try postback.string("title") ?? payload else {
            return .ignored(reason: "\(postback.path): a postback with neither title nor payload")
        }
        var metadata = [MetadataKey.mid: mid]
        metadata[MetadataKey.payload] = payload
        return .message(InboundMessage(
            providerMessageID: mid,
            sender: Participant(channelUserID: senderID),
            threadKey: senderID,
            text: text,
            timestamp: timestamp,
            metadata: metadata
        ))
    }
}
