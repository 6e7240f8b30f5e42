import ChannelKit
import Foundation

/// Reads a WhatsApp Business Account webhook body:
/// `{"object": "whatsapp_business_account", "entry": [{"id", "changes": [{"field", "value"}]}]}`.
///
/// One body may batch several entries, each with several changes; every change is read, in order.
enum WhatsAppWebhook {
    /// The events in `body`, in order.
    ///
    /// - Parameter phoneNumberID: the channel's phone number id; changes for another number of the
    ///   same account are ignored with a reason.
    /// - Throws: 400 `malformed_payload` naming the first field in error.
    static func events(in body: Data, phoneNumberID: String) throws(WebhookError) -> [InboundEvent] {
        let root = try MetaJSONBody.root(of: body)
        let object = try root.requiredString("object")
        guard object == "whatsapp_business_account" else {
            return [.ignored(reason: "object \"\(object.prefix(40))\" is not a WhatsApp Business Account notification")]
        }
        var events: [InboundEvent] = []
        for entry in try root.requiredObjects("entry") {
            for change in try entry.requiredObjects("changes") {
                events.append(contentsOf: try self.events(in: change, phoneNumberID: phoneNumberID))
            }
        }
        return events
    }

    /// The events of one change: only the `messages` field is conversational.
    private static func events(in change: MetaPayload, phoneNumberID: String) throws(WebhookError) -> [InboundEvent] {
        let field = try change.string("field") ?? "messages"
        guard field == "messages" else {
            return [.ignored(reason: "\(change.path): webhook field \"\(field.prefix(40))\" is not handled")]
        }
        return try WhatsAppNotification.events(in: change.requiredObject("value"), phoneNumberID: phoneNumberID)
    }
}
