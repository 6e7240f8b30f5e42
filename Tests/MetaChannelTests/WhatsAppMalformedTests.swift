import ChannelKit
import Foundation
import MetaChannel
import Testing

@Suite struct WhatsAppMalformedTests {
    static func error(_ body: String) throws -> WebhookError {
        let adapter = try WhatsAppTestChannel.adapter()
        return try #require(throws: WebhookError.self) { try adapter.parse(signed: body) }
    }

    @Test(arguments: [
        ("", "the body is empty"),
        ("not json", "not valid JSON"),
        ("[1,2]", "must be a JSON object"),
        (#"{"entry":[]}"#, "\"object\""),
        (#"{"object":"whatsapp_business_account"}"#, "\"entry\" must be an array"),
        (#"{"object":"whatsapp_business_account","entry":{}}"#, "\"entry\" must be an array of objects, found an object"),
        (#"{"object":"whatsapp_business_account","entry":[{"id":"1"}]}"#, "\"entry[0].changes\""),
        (#"{"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages"}]}]}"#, "\"entry[0].changes[0].value\" must be an object"),
    ])
    func namesTheFieldOfABrokenEnvelope(body: String, fragment: String) throws {
        let error = try Self.error(body)
        #expect(error.status == 400)
        #expect(error.code == "malformed_payload")
        #expect(error.message.contains(fragment), "\(error.message)")
    }

    @Test(arguments: [
        (#"{"id":"wamid.1","timestamp":"1739321024","type":"text","text":{"body":"x"}}"#, "entry[0].changes[0].value.messages[0].from"),
        (#"{"from":"1","timestamp":"1739321024","type":"text","text":{"body":"x"}}"#, "entry[0].changes[0].value.messages[0].id"),
        (#"{"from":"1","id":"wamid.1","type":"text","text":{"body":"x"}}"#, "entry[0].changes[0].value.messages[0].timestamp"),
        (#"{"from":"1","id":"wamid.1","timestamp":"yesterday","type":"text","text":{"body":"x"}}"#, "entry[0].changes[0].value.messages[0].timestamp"),
        (#"{"from":"1","id":"wamid.1","timestamp":"1739321024","text":{"body":"x"}}"#, "entry[0].changes[0].value.messages[0].type"),
        (#"{"from":"1","id":"wamid.1","timestamp":"1739321024","type":"text"}"#, "entry[0].changes[0].value.messages[0].text"),
        (#"{"from":"1","id":"wamid.1","timestamp":"1739321024","type":"text","text":{"body":""}}"#, "entry[0].changes[0].value.messages[0].text.body"),
        (#"{"from":"1","id":"wamid.1","timestamp":"1739321024","type":"text","text":{"body":42}}"#, "entry[0].changes[0].value.messages[0].text.body\" must be a string, found a number"),
        (#"{"from":"1","id":"wamid.1","timestamp":"1739321024","type":"image","image":{"mime_type":"image/jpeg"}}"#, "entry[0].changes[0].value.messages[0].image.id"),
        (#"{"from":"1","id":"wamid.1","timestamp":"1739321024","type":"location","location":{"latitude":"north"}}"#, "entry[0].changes[0].value.messages[0].location.latitude"),
        (#"{"from":"1","id":"wamid.1","timestamp":"1739321024","type":"location","location":{"latitude":91,"longitude":0}}"#, "latitude from -90 to 90"),
        (#"{"from":"1","id":"wamid.1","timestamp":"1739321024","type":"interactive","interactive":{"type":"button_reply","button_reply":{"title":"Yes"}}}"#, "interactive.button_reply.id"),
    ])
    func namesTheFieldOfABrokenMessage(message: String, fragment: String) throws {
        let error = try Self.error(WhatsAppPayloads.messages(message))
        #expect(error.status == 400)
        #expect(error.message.contains(fragment), "\(error.message)")
    }

    @Test func namesTheFieldOfABrokenStatus() throws {
        let error = try Self.error(WhatsAppPayloads.statuses(#"{"id":"wamid.1","timestamp":"1739321024"}"#))
        #expect(error.message.contains("entry[0].changes[0].value.statuses[0].status"))
    }

    @Test func refusesDeepNestingBeforeDecoding() throws {
        let deep = #"{"object":"whatsapp_business_account","entry":"# + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "}"
        #expect(try Self.error(deep).status == 400)
    }

    @Test func neverCrashesOnTruncatedBodies() throws {
        let adapter = try WhatsAppTestChannel.adapter()
        let body = WhatsAppParseBatchTests.batch
        for length in stride(from: 0, to: body.utf8.count, by: 7) {
            let truncated = String(decoding: body.utf8.prefix(length), as: UTF8.self)
            #expect(throws: WebhookError.self) { try adapter.parse(signed: truncated) }
        }
    }
}
