import ChannelKit

/// Reads one element of `statuses[]`: the state of a message the business sent, as a
/// ``DeliveryReceipt`` for its `id` (the `wamid` the send returned).
///
/// `sent`, `delivered`, `read` and `failed` are receipts (a failure carries `errors[0].code` and
/// its title); other statuses (`deleted`, `warning`, `played`) are ignored with a reason.
enum WhatsAppStatus {
    static func event(from status: MetaPayload) throws(WebhookError) -> InboundEvent {
        let id = try status.requiredString("id")
        let state = try status.requiredString("status")
        let timestamp = try status.unixSeconds("timestamp")
        let deliveryStatus: DeliveryStatus
        switch state {
        case "sent": deliveryStatus = .sent
        case "delivered": deliveryStatus = .delivered
        case "read": deliveryStatus = .read
        case "failed": deliveryStatus = .failed
        default:
            return .ignored(reason: "\(status.path): message status \"\(state.prefix(40))\" is not tracked")
        }
        let error = try status.objects("errors").first
        return .receipt(DeliveryReceipt(
            providerMessageID: id,
            status: deliveryStatus,
            timestamp: timestamp,
            errorCode: try error?.identifier("code"),
            errorDescription: try error?.firstString("title", "message")
        ))
    }
}
