import ChannelKit

/// Reads the `value` of one `messages` change: the customers' messages (with their profiles in
/// `contacts`), the statuses of messages the business sent, and errors WhatsApp reports.
enum WhatsAppNotification {
    static func events(in value: MetaPayload, phoneNumberID: String) throws(WebhookError) -> [InboundEvent] {
        let product = try value.requiredString("messaging_product")
        guard product == "whatsapp" else {
            return [.ignored(reason: "\(value.path): messaging_product \"\(product.prefix(40))\" is not whatsapp")]
        }
        if let metadata = try value.object("metadata"), let receiver = try metadata.identifier("phone_number_id"), receiver != phoneNumberID {
            return [.ignored(reason: "\(value.path): notification for phone number id \(receiver.prefix(40)), not this channel's \(phoneNumberID)")]
        }
        let names = try profileNames(in: value)
        var events: [InboundEvent] = []
        for message in try value.objects("messages") {
            events.append(try WhatsAppInboundMessage.event(from: message, profileNames: names))
        }
        for status in try value.objects("statuses") {
            events.append(try WhatsAppStatus.event(from: status))
        }
        for error in try value.objects("errors") {
            let code = try error.identifier("code") ?? "unknown"
            let title = try error.firstString("title", "message") ?? "no title"
            events.append(.ignored(reason: "\(error.path): WhatsApp reported error \(code): \(title.prefix(120))"))
        }
        if events.isEmpty {
            events.append(.ignored(reason: "\(value.path): a notification with no messages, statuses or errors"))
        }
        return events
    }

    /// Profile names by WhatsApp user id, from `contacts[].profile.name` and `contacts[].wa_id`.
    private static func profileNames(in value: MetaPayload) throws(WebhookError) -> [String: String] {
        var names: [String: String] = [:]
        for contact in try value.objects("contacts") {
            guard let id = try contact.identifier("wa_id"), let name = try contact.object("profile")?.string("name") else { continue }
            names[id] = name
        }
        return names
    }
}
