import APIChannel
import ChannelKit
import Foundation
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

@Suite struct MalformedPayloadTests {
    static let valid = #"{"id":"m-1","from":{"id":"u"},"text":"Hi"}"#

    static let cases: [MalformedCase] = [
        MalformedCase("empty body", "", mentions: "empty"),
        MalformedCase("not JSON", "id=m-1&text=Hi", mentions: "not valid JSON"),
        MalformedCase("truncated JSON", #"{"id":"m-1","from":{"id":"u"},"te"#, mentions: "not valid JSON"),
        MalformedCase("a scalar body", "42", mentions: "object or an array"),
        MalformedCase("missing id", #"{"from":{"id":"u"},"text":"Hi"}"#, mentions: #""id" must be a non-empty string"#),
        MalformedCase("empty id", #"{"id":"","from":{"id":"u"},"text":"Hi"}"#, mentions: #""id" must be a non-empty string"#),
        MalformedCase("numeric id", #"{"id":7,"from":{"id":"u"},"text":"Hi"}"#, mentions: #""id" must be a string, found a number"#),
        MalformedCase(
            "id too long",
            #"{"id":""# + String(repeating: "x", count: 257) + #"","from":{"id":"u"},"text":"Hi"}"#,
            mentions: #""id" must be at most 256 characters"#
        ),
        MalformedCase("missing from", #"{"id":"m-1","text":"Hi"}"#, mentions: #""from" must be an object"#),
        MalformedCase("from as a string", #"{"id":"m-1","from":"u","text":"Hi"}"#, mentions: #""from" must be an object, found a string"#),
        MalformedCase("missing from.id", #"{"id":"m-1","from":{"name":"Ada"},"text":"Hi"}"#, mentions: #""from.id" must be a non-empty string"#),
        MalformedCase("empty from.id", #"{"id":"m-1","from":{"id":""},"text":"Hi"}"#, mentions: #""from.id" must be a non-empty string"#),
        MalformedCase("numeric from.phone", #"{"id":"m-1","from":{"id":"u","phone":14155550123},"text":"Hi"}"#, mentions: #""from.phone" must be a string"#),
        MalformedCase("missing text", #"{"id":"m-1","from":{"id":"u"}}"#, mentions: #""text" must be a non-empty string"#),
        MalformedCase("blank text", #"{"id":"m-1","from":{"id":"u"},"text":"  "}"#, mentions: #""text" must be a non-empty string"#),
        MalformedCase("text as an array", #"{"id":"m-1","from":{"id":"u"},"text":["Hi"]}"#, mentions: #""text" must be a string, found an array"#),
        MalformedCase(
            "text too long",
            #"{"id":"m-1","from":{"id":"u"},"text":""# + String(repeating: "a", count: 32_001) + #""}"#,
            mentions: #""text" must be at most 32000 characters"#
        ),
        MalformedCase("thread as a number", #"{"id":"m-1","from":{"id":"u"},"text":"Hi","thread":3}"#, mentions: #""thread" must be a string"#),
        MalformedCase("unreadable timestamp", #"{"id":"m-1","from":{"id":"u"},"text":"Hi","timestamp":"yesterday"}"#, mentions: #""timestamp" must be an ISO-8601"#),
        MalformedCase("timestamp without zone", #"{"id":"m-1","from":{"id":"u"},"text":"Hi","timestamp":"2024-05-01T12:30:00"}"#, mentions: #""timestamp""#),
        MalformedCase("timestamp in milliseconds", #"{"id":"m-1","from":{"id":"u"},"text":"Hi","timestamp":1714566600000}"#, mentions: #""timestamp" must be a number of Unix seconds"#),
        MalformedCase("timestamp as a boolean", #"{"id":"m-1","from":{"id":"u"},"text":"Hi","timestamp":true}"#, mentions: #""timestamp" must be"#),
        MalformedCase("attachments as an object", #"{"id":"m-1","from":{"id":"u"},"attachments":{"type":"image"}}"#, mentions: #""attachments" must be an array"#),
        MalformedCase("attachment as a string", #"{"id":"m-1","from":{"id":"u"},"attachments":["https://x/y.jpg"]}"#, mentions: #""attachments[0]" must be an object"#),
        MalformedCase("attachment without type", #"{"id":"m-1","from":{"id":"u"},"attachments":[{"url":"https://x/y.jpg"}]}"#, mentions: #""attachments[0].type""#),
        MalformedCase("type as a number", #"{"type":1,"id":"m-1","from":{"id":"u"},"text":"Hi"}"#, mentions: #""type" must be a string"#),
        MalformedCase("empty batch", "[]", mentions: "batch is empty"),
        MalformedCase("batch item as a string", "[\(valid),\"hello\"]", mentions: #""[1]" must be an object, found a string"#),
        MalformedCase(
            "third batch item without text",
            "[\(valid),\(valid),{\"id\":\"m-3\",\"from\":{\"id\":\"u\"},\"text\":5}]",
            mentions: #""[2].text" must be a string, found a number"#
        ),
        MalformedCase("batch item without from.id", "[\(valid),{\"id\":\"m-2\",\"from\":{}}]", mentions: #""[1].from.id""#),
        MalformedCase("receipt without messageId", #"{"type":"receipt","status":"read"}"#, mentions: #""messageId" must be a non-empty string"#),
        MalformedCase("receipt with unknown status", #"{"type":"receipt","messageId":"r-1","status":"bounced"}"#, mentions: #""status" must be one of"#),
        MalformedCase("receipt with queued status", #"{"type":"receipt","messageId":"r-1","status":"queued"}"#, mentions: #""status" must be one of"#),
        MalformedCase("batch receipt without status", "[\(valid),{\"type\":\"receipt\",\"messageId\":\"r-1\"}]", mentions: #""[1].status""#),
        MalformedCase("receipt error as a number", #"{"type":"receipt","messageId":"r-1","status":"failed","error":500}"#, mentions: #""error" must be a string or an object"#),
        MalformedCase("deep nesting", String(repeating: "[", count: 40) + String(repeating: "]", count: 40), mentions: "deeper than"),
    ]

    @Test(arguments: MalformedPayloadTests.cases)
    func refusesWithTheFieldNamed(_ malformed: MalformedCase) throws {
        let adapter = try TestChannel.adapter()
        let error = try #require(throws: WebhookError.self) { try adapter.parse(signed: malformed.body) }
        #expect(error.status == 400)
        #expect(error.code == "malformed_payload")
        #expect(error.message.contains(malformed.mentions), "message was: \(error.message)")
    }
}

@Suite struct ContentTypeTests {
    @Test(arguments: [nil, "application/json", "application/json; charset=utf-8", #"Application/JSON;charset="UTF-8""#] as [String?])
    func acceptsJSON(contentType: String?) throws {
        let events = try TestChannel.adapter().parse(TestChannel.signedRequest(MalformedPayloadTests.valid, contentType: contentType))
        #expect(events.count == 1)
    }

    @Test(arguments: ["text/plain", "application/x-www-form-urlencoded", "application/json-patch+json", "application/json; charset=iso-8859-1"])
    func refusesOtherMediaTypesWith415(contentType: String) throws {
        let adapter = try TestChannel.adapter()
        let request = TestChannel.signedRequest(MalformedPayloadTests.valid, contentType: contentType)
        let error = try #require(throws: WebhookError.self) { try adapter.parse(request) }
        #expect(error.status == 415)
        #expect(error.code == "unsupported_media_type")
    }
}
