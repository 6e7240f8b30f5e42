import ChannelKit

extension VoiceCallFlow {
    /// Where in the call a reply is said: the turn of the message it answers, or the message
    /// the caller left after a handoff.
    enum Position: Hashable, Sendable {
        case turn(Int)
        case message

        /// The position of the message `conversation` answers: its ``VoiceMetadataKey/turn`` in
        /// the context, else the end of the provider message id (`CA…:3`), else the call's start.
        init(of conversation: ConversationAddress) {
            let turn = conversation.context[VoiceMetadataKey.turn]
                ?? conversation.inReplyTo?.split(separator: ":").last.map(String.init)
                ?? "0"
            if turn == "message" {
                self = .message
            } else {
                self = .turn(Int(turn) ?? 0)
            }
        }
    }

    /// The TwiML saying `reply` at `position`, by its intent: an answer listens for the next
    /// turn, a handoff transfers or takes a message, a notice or a farewell hangs up. After the
    /// caller left a message, every reply hangs up.
    func twiml(for reply: OutboundMessage, at position: Position) -> String {
        guard case .turn(let turn) = position else {
            return goodbye(reply.text)
        }
        switch reply.intent {
        case .answer:
            return answer(reply.text, turn: turn)
        case .handoff:
            return handoff(reply.text)
        case .notice, .closing:
            return goodbye(reply.text)
        }
    }
}
