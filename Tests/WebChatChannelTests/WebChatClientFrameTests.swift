import Testing
@testable import WebChatChannel

@Suite struct WebChatClientFrameTests {
    private func decode(_ text: String, maxMessageChars: Int = 100) throws(WebChatProtocolError) -> WebChatClientFrame {
        try WebChatClientFrame.decode(text, maxMessageChars: maxMessageChars)
    }

    private func code(of text: String) -> String? {
        do {
            _ = try decode(text)
            return nil
        } catch {
            return error.code
        }
    }

    @Test func decodesEveryFrame() throws {
        #expect(try decode(#"{"type":"hello"}"#) == .hello(token: nil, lastSeq: 0))
        #expect(try decode(#"{"type":"hello","token":"","lastSeq":0}"#) == .hello(token: nil, lastSeq: 0))
        #expect(try decode(#"{"type":"hello","token":"v_a.1.ff","lastSeq":12}"#) == .hello(token: "v_a.1.ff", lastSeq: 12))
        #expect(try decode(#"{"type":"message","clientMessageId":"c_17-x","text":"  When are you open?\n"}"#)
            == .message(clientMessageID: "c_17-x", text: "When are you open?"))
        #expect(try decode(#"{"type":"typing","state":"start"}"#) == .typing(isTyping: true))
        #expect(try decode(#"{"type":"typing","state":"stop"}"#) == .typing(isTyping: false))
        #expect(try decode(#"{"type":"ack","seq":16,"status":"read"}"#) == .ack(seq: 16, status: .read))
        #expect(try decode(#"{"type":"ack","seq":3,"status":"delivered"}"#) == .ack(seq: 3, status: .delivered))
        #expect(try decode(#"{"type":"identify","email":" ada@example.com ","name":" Ada "}"#)
            == .identify(name: "Ada", email: "ada@example.com", phone: nil))
        #expect(try decode(#"{"type":"ping"}"#) == .ping)
    }

    @Test func givesTheProtocolsCodes() {
        #expect(code(of: "not json") == "bad_frame")
        #expect(code(of: "[1,2]") == "bad_frame")
        #expect(code(of: #"{"text":"hi"}"#) == "bad_frame")
        #expect(code(of: #"{"type":7}"#) == "bad_frame")
        #expect(code(of: #"{"type":"hello","lastSeq":"12"}"#) == "bad_frame")
        #expect(code(of: #"{"type":"hello","lastSeq":-1}"#) == "bad_frame")
        #expect(code(of: #"{"type":"typing","state":"maybe"}"#) == "bad_frame")
        #expect(code(of: #"{"type":"ack","seq":3,"status":"seen"}"#) == "bad_frame")
        #expect(code(of: #"{"type":"ack","status":"read"}"#) == "bad_frame")
        #expect(code(of: #"{"type":"subscribe"}"#) == "unknown_type")
        #expect(code(of: #"{"type":"message","text":"hi"}"#) == "invalid_message_id")
        #expect(code(of: #"{"type":"message","clientMessageId":"a b","text":"hi"}"#) == "invalid_message_id")
        #expect(code(of: #"{"type":"message","clientMessageId":"\#(String(repeating: "a", count: 65))","text":"hi"}"#) == "invalid_message_id")
        #expect(code(of: #"{"type":"message","clientMessageId":"c1","text":"  \n "}"#) == "empty_message")
        #expect(code(of: #"{"type":"message","clientMessageId":"c1","text":"\#(String(repeating: "é", count: 101))"}"#) == "message_too_long")
    }

    @Test func errorsAboutAMessageNameIt() {
        do {
            _ = try decode(#"{"type":"message","clientMessageId":"c9","text":""}"#)
            Issue.record("an empty message was accepted")
        } catch {
            #expect(error.clientMessageID == "c9")
        }
    }
}
