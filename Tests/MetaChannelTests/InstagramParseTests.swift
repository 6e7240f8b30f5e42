import ChannelKit
import Foundation
import MetaChannel
import Testing

@Suite struct InstagramParseTests {
    static func events(_ body: String) throws -> [InboundEvent] {
        try InstagramTestChannel.adapter().parse(signed: body)
    }

    static func onlyMessage(_ event: String) throws -> InboundMessage {
        let events = try Self.events(InstagramPayloads.messaging(event))
        #expect(events.count == 1)
        return try #require(events.messages.first, "events: \(events)")
    }

    static func onlyIgnoredReason(_ event: String) throws -> String {
        let events = try Self.events(InstagramPayloads.messaging(event))
        #expect(events.count == 1)
        return try #require(events.ignoredReasons.first, "events: \(events)")
    }

    @Test func readsATextMessage() throws {
        let events = try Self.events(InstagramPayloads.text)
        let message = try #require(events.messages.first)
        #expect(events.count == 1)
        #expect(message.providerMessageID == InstagramPayloads.mid)
        #expect(message.sender == Participant(channelUserID: "1234567890123456"))
        #expect(message.threadKey == "1234567890123456")
        #expect(message.text == "Hi! Is the blue jacket still available?")
        #expect(message.timestamp == Date(timeIntervalSince1970: 1_569_262_485.349))
        #expect(message.metadata == ["mid": InstagramPayloads.mid])
    }

    @Test(arguments: [
        ("image", ChannelKit.Attachment.Kind.image),
        ("video", .video),
        ("audio", .audio),
        ("file", .file),
        ("share", .other),
        ("ig_reel", .video),
        ("ig_post", .other),
        ("something_new", .other),
    ])
    func readsAttachments(type: String, kind: ChannelKit.Attachment.Kind) throws {
        let event = InstagramPayloads.message(#""attachments":[{"type":""# + type + #"","payload":{"url":"https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=9"}}]"#)
        let message = try Self.onlyMessage(event)
        #expect(message.text == "")
        #expect(message.attachments == [ChannelKit.Attachment(kind: kind, url: "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=9")])
    }

    @Test func readsSeveralAttachmentsWithText() throws {
        let event = InstagramPayloads.message(#""text":"Which one?","attachments":[{"type":"image","payload":{"url":"https://cdn.example/1"}},{"type":"image","payload":{"url":"https://cdn.example/2"}}]"#)
        let message = try Self.onlyMessage(event)
        #expect(message.text == "Which one?")
        #expect(message.attachments.map(\.url) == ["https://cdn.example/1", "https://cdn.example/2"])
    }

    @Test func flagsAStoryMention() throws {
        let message = try Self.onlyMessage(InstagramPayloads.storyMention)
        #expect(message.metadata["story_mention"] == "true")
        #expect(message.attachments.first?.kind == .other)
        #expect(message.attachments.first?.url == "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=2&signature=def")
    }

    @Test func keepsTheStoryAStoryReplyAnswers() throws {
        let message = try Self.onlyMessage(InstagramPayloads.storyReply)
        #expect(message.text == "Love this look!")
        #expect(message.metadata["reply_to.story.id"] == "17900000000000001")
        #expect(message.metadata["reply_to.story.url"] == "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=3&signature=ghi")
    }

    @Test func keepsTheQuickReplyPayload() throws {
        let message = try Self.onlyMessage(InstagramPayloads.quickReply)
        #expect(message.text == "Track my order")
        #expect(message.metadata["payload"] == "TRACK_ORDER")
    }

    @Test func aQuickReplyWithoutTextReadsAsItsPayload() throws {
        let message = try Self.onlyMessage(InstagramPayloads.message(#""quick_reply":{"payload":"TRACK_ORDER"}"#))
        #expect(message.text == "TRACK_ORDER")
    }

    @Test func readsAPostbackAsAMessage() throws {
        let message = try Self.onlyMessage(InstagramPayloads.postback)
        #expect(message.providerMessageID == "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQz")
        #expect(message.text == "Where is my order?")
        #expect(message.metadata["payload"] == "ICEBREAKER_ORDER")
    }

    @Test func ignoresEchoesOfTheBusinesssOwnMessages() throws {
        #expect(try Self.onlyIgnoredReason(InstagramPayloads.echo).hasSuffix("echo of a message the business sent"))
        // Even without the flag, a message sent by the business's own account is its own.
        let unflagged = InstagramPayloads.event(from: "17841400000000000", to: "1234567890123456", #""message":{"mid":"m.2","text":"Yes"}"#)
        #expect(try Self.onlyIgnoredReason(unflagged).hasSuffix("echo of a message the business sent"))
    }

    @Test func readsAReadEventAsAReceipt() throws {
        let events = try Self.events(InstagramPayloads.messaging(InstagramPayloads.read))
        #expect(events == [.receipt(DeliveryReceipt(
            providerMessageID: "aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQy",
            status: .read,
            timestamp: Date(timeIntervalSince1970: 1_569_262_485.349)
        ))])
    }

    @Test(arguments: [
        (InstagramPayloads.reaction, "reacted to aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQy; reactions are not answered"),
        (InstagramPayloads.unreaction, "removed a reaction from"),
        (InstagramPayloads.edit, "edited aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQx"),
        (InstagramPayloads.unsend, "unsent message"),
        (InstagramPayloads.unsupported, "does not deliver to apps"),
        (InstagramPayloads.referral, "referral"),
        (InstagramPayloads.event(#""optin":{"ref":"x"}"#), "\"optin\" is not handled"),
        (InstagramPayloads.message(#""reply_to":{"mid":"m.1"}"#), "neither text nor attachments"),
    ])
    func ignoresWhatIsNotACustomerQuestion(event: String, reason: String) throws {
        let ignored = try Self.onlyIgnoredReason(event)
        #expect(ignored.contains(reason), "\(ignored)")
        #expect(ignored.hasPrefix("entry[0].messaging[0]"))
    }

    @Test func readsABatchOfEntriesAndEvents() throws {
        let second = #"{"id":"17841400000000000","time":1569262490000,"messaging":["# + [
            InstagramPayloads.event(from: "999", #""message":{"mid":"m.9","text":"Second customer"}"#),
            InstagramPayloads.read,
        ].joined(separator: ",") + "]}"
        let first = InstagramPayloads.messaging(InstagramPayloads.quickReply, InstagramPayloads.echo, InstagramPayloads.image)
        let body = String(first.dropLast(2)) + "," + second + "]}"
        let events = try Self.events(body)
        #expect(events.count == 5)
        #expect(events.messages.map(\.sender.channelUserID) == ["1234567890123456", "1234567890123456", "999"])
        #expect(events.messages.map(\.text) == ["Track my order", "", "Second customer"])
        #expect(events.receipts.map(\.status) == [.read])
        #expect(events.ignoredReasons.count == 1)
    }

    @Test func ignoresOtherObjectsStandbyAndComments() throws {
        #expect(try Self.events(#"{"object":"page","entry":[]}"#).ignoredReasons.first?.contains("\"page\"") == true)
        let standby = #"{"object":"instagram","entry":[{"id":"17841400000000000","time":1,"standby":["# + InstagramPayloads.quickReply + "]}]}"
        #expect(try Self.events(standby).ignoredReasons.first?.contains("standby") == true)
        let comments = #"{"object":"instagram","entry":[{"id":"17841400000000000","time":1,"changes":[{"field":"comments","value":{"id":"1","text":"Nice!"}}]}]}"#
        #expect(try Self.events(comments).ignoredReasons.first?.contains("\"comments\" is not a conversation") == true)
    }

    @Test(arguments: [
        (InstagramPayloads.messaging(#"{"recipient":{"id":"1"},"timestamp":1,"message":{"mid":"m","text":"x"}}"#), "entry[0].messaging[0].sender"),
        (InstagramPayloads.messaging(InstagramPayloads.event(#""message":{"text":"x"}"#)), "entry[0].messaging[0].message.mid"),
        (InstagramPayloads.messaging(InstagramPayloads.event(#""read":{}"#)), "entry[0].messaging[0].read.mid"),
        (InstagramPayloads.messaging(InstagramPayloads.message(#""attachments":[{"payload":{"url":"u"}}]"#)), "entry[0].messaging[0].message.attachments[0].type"),
        (InstagramPayloads.messaging(InstagramPayloads.message(#""text":["x"]"#)), "entry[0].messaging[0].message.text"),
        (InstagramPayloads.messaging(#"{"sender":{"id":"1"},"timestamp":"soon","message":{"mid":"m","text":"x"}}"#), "entry[0].messaging[0].timestamp"),
        (#"{"object":"instagram"}"#, "\"entry\""),
    ])
    func namesTheFieldOfAMalformedPayload(body: String, fragment: String) throws {
        let adapter = try InstagramTestChannel.adapter()
        let error = try #require(throws: WebhookError.self) { try adapter.parse(signed: body) }
        #expect(error.status == 400)
        #expect(error.message.contains(fragment), "\(error.message)")
    }

    @Test func anEventWithoutTimestampTakesTheEntrysTime() throws {
        let events = try Self.events(InstagramPayloads.messaging(#"{"sender":{"id":"1"},"message":{"mid":"m","text":"x"}}"#))
        #expect(events.messages.first?.timestamp == Date(timeIntervalSince1970: 1_569_262_486.134))
    }
}
