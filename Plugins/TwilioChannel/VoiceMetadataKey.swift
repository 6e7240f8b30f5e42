import ChannelKit

/// The keys of ``ChannelKit/InboundMessage/metadata`` the voice adapter fills in. The gateway
/// hands them back in ``ChannelKit/ConversationAddress/context`` when it renders the answer, which
/// is how a reply finds its call, its turn and the URL of the next step.
public enum VoiceMetadataKey {
    /// `"true"` on the message that opens a call (ChannelKit's
    /// ``ChannelKit/InboundMetadataKey/callStarted``): the pipeline applies the daily call cap.
    public static let callStarted = InboundMetadataKey.callStarted
    /// On a goodbye: the channel's ``VoiceSettings/farewell`` (ChannelKit's
    /// ``ChannelKit/InboundMetadataKey/closingReply``), which the pipeline answers with.
    public static let closingReply = InboundMetadataKey.closingReply
    /// The call's SID (`CA…`), also the conversation's thread key.
    public static let callSid = "voice.callSid"
    /// The turn of the call the message is: `0` for the call's start, then 1, 2… for each thing
    /// the caller said; `message` for a message left after a handoff.
    public static let turn = "voice.turn"
    /// Twilio's confidence in the transcription, `0.0` to `1.0`, when it gave one.
    public static let confidence = "voice.confidence"
    /// The path of the webhook URL Twilio called (`/webhooks/{channelId}`, behind any prefix of
    /// the gateway's public URL): the next step's `action` URL is built on it.
    public static let actionPath = "voice.actionPath"
    /// The business number the caller dialled (Twilio's `To`).
    public static let to = "voice.to"
}
