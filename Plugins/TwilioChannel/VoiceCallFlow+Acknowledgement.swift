extension VoiceCallFlow {
    /// The TwiML that answers a webhook the pipeline gave no reply to.
    ///
    /// | webhook | TwiML |
    /// |---|---|
    /// | incoming call (accepted by the call cap) | the greeting, listening for turn 1 |
    /// | turn N, first silence | the reprompt, listening to turn N again |
    /// | turn N, second silence | the farewell, hang up |
    /// | turn N, a goodbye | the farewell, hang up |
    /// | turn N, speech left unanswered | listening for turn N + 1 |
    /// | message left, or none | the thanks, hang up |
    /// | transfer ended | the farewell if staff answered, else an invitation to leave a message |
    /// | status callback | empty |
    func acknowledgement(for webhook: VoiceWebhook) -> String {
        switch webhook.step {
        case .incoming:
            return greeting()
        case .gather(let turn, let silences):
            guard let speech = webhook.speech else {
                return silences == 0 ? reprompt(turn: turn) : hangUp(saying: settings.farewell)
            }
            return VoiceGoodbye.isGoodbye(speech) ? hangUp(saying: settings.farewell) : listen(turn: turn + 1, saying: "")
        case .message:
            return hangUp(saying: settings.messageTakenText)
        case .dialed:
            return afterTransfer(dialStatus: webhook.fields["DialCallStatus"])
        case .status:
            return VoiceTwiML.empty
        }
    }
}
