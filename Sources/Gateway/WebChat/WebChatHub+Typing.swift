import WebChatChannel

extension WebChatHub {
    /// Shows or hides the assistant's typing indicator on every socket of the visitor.
    nonisolated func assistantTyping(_ isTyping: Bool, channelID: String, visitorID: String) async {
        let frame = WebChatServerFrame.typing(isTyping)
        for connection in await sockets(channelID: channelID, visitorID: visitorID) {
            await connection.send(frame)
        }
    }
}
