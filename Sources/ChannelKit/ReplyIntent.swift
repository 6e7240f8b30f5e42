/// What a reply does to the conversation, for channels where that changes the rendering (a phone
/// call goes on listening after an answer, transfers after a handoff, hangs up after a notice).
public enum ReplyIntent: String, Hashable, Codable, Sendable {
    /// An answer; the conversation goes on.
    case answer
    /// The conversation goes to a human; the text tells the customer so.
    case handoff
    /// A guard's notice (a cap reached, a block); nothing more is answered for now.
    case notice
    /// A farewell; the conversation (a call) ends.
    case closing
}
