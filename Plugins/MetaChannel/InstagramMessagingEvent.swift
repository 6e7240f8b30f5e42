import ChannelKit
import Foundation

/// Reads one element of `entry[].messaging[]`, which holds exactly one of `message`, `read`,
/// `reaction`, `postback`, `referral`, `message_edit` besides `sender`, `recipient`, `timestamp`.
///
/// - `message` from the customer: an ``InboundMessage`` (``InstagramInboundMessage``); an echo of
///   the business's own message (`is_echo`, or sent by the business), an unsent one
///   (`is_deleted`) or one Instagram cannot deliver (`is_unsupported`) is ignored with a reason.
/// - `read`: a ``DeliveryReceipt`` with status `read` for `read.mid`.
/// - `postback` (an icebreaker or template button tapped): a message whose text is the title and
///   whose metadata `payload` is the payload.
/// - `reaction`, `message_edit`, `referral` and anything else: ignored with a reason.
enum InstagramMessagingEvent {
    static func event(from item: MetaPayload, businessIDs: Set<String>, now: Date) throws(WebhookError) -> InboundEvent {
        let senderID = try item.requiredObject("sender").requiredString("id")
        let timestamp = try item.unixMilliseconds("timestamp") ?? now
        if let message = try item.object("message") {
            return try self.message(message, senderID: senderID, businessIDs: businessIDs, timestamp: timestamp)
        }
        if let read = try item.object("read") {
            return .receipt(DeliveryReceipt(providerMessageID: try read.requiredString("mid"), status: .read, timestamp: timestamp))
        }
        if let postback = try item.object("postback") {
            guard !businessIDs.contains(senderID) else {
                return .ignored(reason: "\(item.path): echo of a postback the business sent")
            }
            return try InstagramInboundMessage.postback(postback, senderID: senderID, timestamp: timestamp)
        }
        if let reaction = try item.object("reaction") {
            let action = try reaction.string("action") == "unreact" ? "removed a reaction from" : "reacted to"
            let target = try reaction.string("mid") ?? "a message"
            return .ignored(reason: "\(item.path): the customer \(action) \(target.prefix(80)); reactions are not answered")
        }
        if let edit = try item.object("message_edit") {
            let target = try edit.string("mid") ?? "a message"
            return .ignored(reason: "\(item.path): the customer edited \(target.prefix(80)); edits are not answered again")
        }
        if try item.object("referral") != nil {
            return .ignored(reason: "\(item.path): a referral (an ig.me link or ad opened the conversation)")
        }
        let known = item.fields.keys.filter { !["sender", "recipient", "timestamp"].contains($0) }.sorted()
        return .ignored(reason: "\(item.path): messaging event \(known.first.map { "\"\($0.prefix(40))\"" } ?? "without content") is not handled")
    }

    private static func message(_ message: MetaPayload, senderID: String, businessIDs: Set<String>, timestamp: Date) throws(WebhookError) -> InboundEvent {
        let mid = try message.requiredString("mid")
        if try message.flag("is_echo") || businessIDs.contains(senderID) {
            return .ignored(reason: "\(message.path): echo of a message the business sent")
        }
        if try message.flag("is_deleted") {
            return .ignored(reason: "\(message.path): the customer unsent message \(mid.prefix(80))")
        }
        if try message.flag("is_unsupported") {
            return .ignored(reason: "\(message.path): a message Instagram does not deliver to apps (such as a GIF or sticker)")
        }
        return try InstagramInboundMessage.message(message, mid: mid, senderID: senderID, timestamp: timestamp)
    }
}
