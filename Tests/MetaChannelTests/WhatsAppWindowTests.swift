import ChannelKit
import Foundation
import MetaChannel
import Testing

@Suite struct WhatsAppWindowTests {
    static let reply = OutboundMessage(id: "rep-w", text: "Your order has shipped.")
    static let template: [String: JSONValue] = ["template": .object(["name": .string("reopen_conversation"), "language": .string("en_US")])]

    @Test(arguments: [1.0, 60, 23 * 60 + 59] as [Double])
    func sendsFreeFormTextInsideTheWindow(minutesAgo: Double) throws {
        let requests = try WhatsAppTestChannel.adapter().render(Self.reply, for: WhatsAppTestChannel.conversation(lastWroteMinutesAgo: minutesAgo)).providerRequests()
        #expect(JSONValue.object(try jsonObject(try #require(requests.first).body))[path: "type"] == .string("text"))
    }

    @Test(arguments: [24 * 60.0, 24 * 60 + 1, 3 * 24 * 60] as [Double?] + [nil])
    func failsForGoodOutsideTheWindowWithoutATemplate(minutesAgo: Double?) throws {
        let adapter = try WhatsAppTestChannel.adapter()
        let failure = try #require(throws: SendFailure.self) {
            try adapter.render(Self.reply, for: WhatsAppTestChannel.conversation(lastWroteMinutesAgo: minutesAgo))
        }
        #expect(!failure.isRetryable)
        #expect(failure.reason == "outside WhatsApp's 24-hour customer service window and no template is configured")
        #expect(failure.description.contains("24-hour"))
    }

    @Test func sendsTheTemplateAloneOutsideTheWindow() throws {
        let adapter = try WhatsAppTestChannel.adapter(settings: Self.template)
        let reply = OutboundMessage(id: "rep-t", text: "Long text", quickReplies: [QuickReply(title: "Yes")], attachments: [ChannelKit.Attachment(kind: .image, url: "https://cdn.example/a.png")])
        let requests = try adapter.render(reply, for: WhatsAppTestChannel.conversation(lastWroteMinutesAgo: 25 * 60)).providerRequests()
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.url == "https://graph.facebook.com/v21.0/106540352242922/messages")
        #expect(request.headers["Authorization"] == "Bearer EAAJBtest-access-token")
        #expect(bodyText(request) == #"{"messaging_product":"whatsapp","recipient_type":"individual","template":{"language":{"code":"en_US"},"name":"reopen_conversation"},"to":"16505551234","type":"template"}"#)
    }

    @Test func aConversationWithNoKnownCustomerMessageIsOutsideTheWindow() throws {
        let adapter = try WhatsAppTestChannel.adapter(settings: Self.template)
        let requests = try adapter.render(Self.reply, for: WhatsAppTestChannel.conversation(lastWroteMinutesAgo: nil)).providerRequests()
        #expect(JSONValue.object(try jsonObject(try #require(requests.first).body))[path: "type"] == .string("template"))
    }

    @Test func judgesTheWindowByTheAdaptersClock() throws {
        let lastWrote = MetaApp.now
        let conversation = ConversationAddress(recipient: Participant(channelUserID: "16505551234"), threadKey: "16505551234", lastInboundAt: lastWrote)
        let early = try WhatsAppTestChannel.adapter(now: lastWrote.addingTimeInterval(3600))
        #expect(throws: Never.self) { try early.render(Self.reply, for: conversation) }
        let late = try WhatsAppTestChannel.adapter(now: lastWrote.addingTimeInterval(86_401))
        #expect(throws: SendFailure.self) { try late.render(Self.reply, for: conversation) }
    }

    @Test func theWindowItselfIsTwentyFourHours() {
        let window = ReplyWindow.twentyFourHours
        let now = MetaApp.now
        #expect(window.isOpen(lastInboundAt: now.addingTimeInterval(-86_399), now: now))
        #expect(!window.isOpen(lastInboundAt: now.addingTimeInterval(-86_400), now: now))
        #expect(!window.isOpen(lastInboundAt: nil, now: now))
        #expect(window.isOpen(lastInboundAt: now.addingTimeInterval(60), now: now), "a clock slightly behind the customer's keeps the window open")
    }
}
