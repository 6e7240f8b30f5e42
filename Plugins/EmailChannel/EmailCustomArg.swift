/// The `custom_args` the adapter puts on every email it sends. SendGrid copies them into every
/// Event Webhook event about that email.
public enum EmailCustomArg {
    /// The gateway's id of the reply (``ChannelKit/OutboundMessage/id``).
    public static let messageID = "gateway_message_id"
    /// The channel that sent it, so that channels sharing a SendGrid account ignore each other's events.
    public static let channelID = "gateway_channel_id"
}
