import ChannelKit
import Foundation
import TelegramChannel
import Testing

/// A body the adapter must refuse, and the words its error must contain.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    var body: String
    var mentions: String
    var testDescription: String

    init(_ testDescription: String, _ body: String, mentions: String) {
        self.testDescription = testDescription
        self.body = body
        self.mentions = mentions
    }
}

@Suite struct MalformedUpdateTests {
    /// A message update's opening, up to the message's own members.
    static let head = #"{"update_id":1,"message":{"#
    static let from = #""from":{"id":42,"first_name":"Ada"}"#

    static let cases: [MalformedCase] = [
        MalformedCase("empty body", "", mentions: "empty"),
        MalformedCase("not JSON", "update_id=1", mentions: "not valid JSON"),
        MalformedCase("truncated JSON", #"{"update_id":1,"message":{"message_id"#, mentions: "not valid JSON"),
        MalformedCase("an array body", #"[{"update_id":1}]"#, mentions: "Update object, found an array"),
        MalformedCase("missing update_id", #"{"message":{"message_id":1,"chat":{"id":1},"date":1,"text":"x"}}"#, mentions: #""update_id" must be an integer, but it is missing"#),
        MalformedCase("update_id as a string", #"{"update_id":"1"}"#, mentions: #""update_id" must be an integer, found a string"#),
        MalformedCase("fractional update_id", #"{"update_id":1.5}"#, mentions: #""update_id" must be an integer"#),
        MalformedCase("message as a string", #"{"update_id":1,"message":"hi"}"#, mentions: #""message" must be an object, found a string"#),
        MalformedCase("missing message_id", head + #"\#(from),"chat":{"id":1},"date":1,"text":"x"}}"#, mentions: #""message.message_id" must be an integer, but it is missing"#),
        MalformedCase("missing chat", head + #""message_id":1,\#(from),"date":1,"text":"x"}}"#, mentions: #""message.chat" must be an object, but it is missing"#),
        MalformedCase("chat id as a string", head + #""message_id":1,\#(from),"chat":{"id":"1"},"date":1,"text":"x"}}"#, mentions: #""message.chat.id" must be an integer, found a string"#),
        MalformedCase("missing date", head + #""message_id":1,\#(from),"chat":{"id":1},"text":"x"}}"#, mentions: #""message.date" must be an integer, but it is missing"#),
        MalformedCase("missing from.id", head + #""message_id":1,"from":{"first_name":"Ada"},"chat":{"id":1},"date":1,"text":"x"}}"#, mentions: #""message.from.id""#),
        MalformedCase("text as a number", head + #""message_id":1,\#(from),"chat":{"id":1},"date":1,"text":5}}"#, mentions: #""message.text" must be a string, found a number"#),
        MalformedCase("photo without file_id", head + #""message_id":1,\#(from),"chat":{"id":1},"date":1,"photo":[{"width":90,"height":90}]}}"#, mentions: #""message.photo[0].file_id""#),
        MalformedCase("photo as an object", head + #""message_id":1,\#(from),"chat":{"id":1},"date":1,"photo":{"file_id":"x"}}}"#, mentions: #""message.photo" must be an array"#),
        MalformedCase("document without file_id", head + #""message_id":1,\#(from),"chat":{"id":1},"date":1,"document":{"file_name":"a.pdf"}}}"#, mentions: #""message.document.file_id""#),
        MalformedCase("location without latitude", head + #""message_id":1,\#(from),"chat":{"id":1},"date":1,"location":{"longitude":2.1}}}"#, mentions: #""message.location.latitude" must be a number"#),
        MalformedCase("latitude out of range", head + #""message_id":1,\#(from),"chat":{"id":1},"date":1,"location":{"latitude":91,"longitude":2.1}}}"#, mentions: #""message.location.latitude" must be between"#),
        MalformedCase("contact without phone", head + #""message_id":1,\#(from),"chat":{"id":1},"date":1,"contact":{"first_name":"Bob"}}}"#, mentions: #""message.contact.phone_number""#),
        MalformedCase("edit without chat id", #"{"update_id":1,"edited_message":{"message_id":1,"chat":{},"date":1,"edit_date":2,"text":"x"}}"#, mentions: #""edited_message.chat.id""#),
        MalformedCase("callback without id", #"{"update_id":1,"callback_query":{"from":{"id":42,"first_name":"Ada"},"data":"YES"}}"#, mentions: #""callback_query.id" must be a non-empty string"#),
        MalformedCase("callback without from", #"{"update_id":1,"callback_query":{"id":"9","data":"YES"}}"#, mentions: #""callback_query.from" must be an object"#),
        MalformedCase("callback message without chat", #"{"update_id":1,"callback_query":{"id":"9","from":{"id":42},"message":{"message_id":3,"date":0},"data":"YES"}}"#, mentions: #""callback_query.message.chat""#),
        MalformedCase("deep nesting", #"{"update_id":1,"x":"# + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "}", mentions: "deeper than"),
    ]

    @Test(arguments: MalformedUpdateTests.cases)
    func refusesWithTheFieldNamed(_ malformed: MalformedCase) throws {
        let adapter = try TestBot.adapter()
        let error = try #require(throws: WebhookError.self) { try adapter.parse(update: malformed.body) }
        #expect(error.status == 400)
        #expect(error.code == "malformed_payload")
        #expect(error.message.contains(malformed.mentions), "message was: \(error.message)")
    }

    @Test func ignoresFieldsItDoesNotKnow() throws {
        let body = #"{"update_id":1,"future_field":{"a":[1,2]},"message":{"message_id":1,"from":{"id":42,"first_name":"Ada","emoji_status":"🍞"},"chat":{"id":42,"type":"private"},"date":1,"text":"hi","link_preview_options":{"is_disabled":true}}}"#
        let message = try onlyMessage(TestBot.adapter().parse(update: body))
        #expect(message.text == "hi")
    }
}
