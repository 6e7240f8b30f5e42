import ChannelKit
import Foundation
import Testing
import TwilioChannel

@Suite struct RenderTests {
    static let conversation = ConversationAddress(
        recipient: Participant(channelUserID: "+14155550123", phone: "+14155550123"),
        threadKey: "+14155550123",
        inReplyTo: Webhooks.messageSid
    )

    static func render(_ reply: OutboundMessage, settings: [String: JSONValue?] = [:]) throws -> ProviderRequest {
        try onlyRequest(TestAccount.adapter(settings: settings).render(reply, for: conversation))
    }

    @Test func postsAFormToTheMessagesResourceWithBasicAuth() throws {
        let request = try Self.render(OutboundMessage(id: "r1", text: "We open at 7am & close at 6pm."))
        #expect(request.method == "POST")
        #expect(request.url == "https://api.twilio.com/2010-04-01/Accounts/\(TestAccount.accountSid)/Messages.json")
        // base64("AC0123456789abcdef0123456789abcdef:f2a4c6e8b0d1f3a5c7e9b1d3f5a7c9e1")
        #expect(request.headers["Authorization"] == "Basic QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjpmMmE0YzZlOGIwZDFmM2E1YzdlOWIxZDNmNWE3YzllMQ==")
        #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded")
        #expect(String(decoding: request.body, as: UTF8.self)
            == "To=%2B14155550123&From=%2B14155550100&Body=We%20open%20at%207am%20%26%20close%20at%206pm.")
    }

    @Test func sendsThroughAMessagingService() throws {
        let request = try Self.render(OutboundMessage(id: "r1", text: "Hi"), settings: [
            "fromNumber": nil, "messagingServiceSid": .string(TestAccount.serviceSid),
            "statusCallbackURL": .string("https://gw.example.com/webhooks/bakery-sms"),
        ])
        let fields = formFields(request.body)
        #expect(fields.map(\.name) == ["To", "MessagingServiceSid", "Body", "StatusCallback"])
        #expect(formField("MessagingServiceSid", in: request.body) == TestAccount.serviceSid)
        #expect(formField("StatusCallback", in: request.body) == "https://gw.example.com/webhooks/bakery-sms")
    }

    @Test func makesMarkdownPlainAndKeepsURLs() throws {
        let text = "**Fresh** bread _today_ at `7am`. See [our menu](https://bakery.example/menu_2024?a=1*2) or https://bakery.example/a_b_c_d."
        let request = try Self.render(OutboundMessage(id: "r1", text: text))
        #expect(formField("Body", in: request.body)
            == "Fresh bread today at 7am. See our menu (https://bakery.example/menu_2024?a=1*2) or https://bakery.example/a_b_c_d.")
    }

    @Test func fitsLongRepliesToTheSegmentBudget() throws {
        let long = (1...60).map { "Sentence number \($0) is here." }.joined(separator: " ")
        let adapter = try TestAccount.adapter(settings: ["maxSegments": .number(2)])
        let request = try onlyRequest(adapter.render(OutboundMessage(id: "r1", text: long), for: Self.conversation))
        let body = try #require(formField("Body", in: request.body))
        #expect(SMSSegments.count(body).segments == 2)
        #expect(body.hasSuffix("is here."))
        #expect(adapter.costSegments(for: request) == 2)
        #expect(adapter.usage(of: request) == [ChannelUsage(kind: .smsSegment, quantity: 2)])
    }

    @Test func appendsQuickRepliesWhenTheyFit() throws {
        let reply = OutboundMessage(id: "r1", text: "Which size?", quickReplies: [QuickReply(title: "Small"), QuickReply(title: "Large")])
        let request = try Self.render(reply)
        #expect(formField("Body", in: request.body) == "Which size?\nReply 1 for Small, 2 for Large.")
    }

    @Test func dropsQuickRepliesThatDoNotFit() throws {
        let text = String(repeating: "a", count: 150)
        let reply = OutboundMessage(id: "r1", text: text, quickReplies: [QuickReply(title: "Small"), QuickReply(title: "Large")])
        let request = try Self.render(reply, settings: ["maxSegments": .number(1)])
        #expect(formField("Body", in: request.body) == text)
    }

    @Test func sendsAttachmentURLsAsMMSMedia() throws {
        let reply = OutboundMessage(id: "r1", text: "Here is the cake.", attachments: [
            Attachment(kind: .image, url: "https://bakery.example/cake.jpg"),
            Attachment(kind: .file, providerMediaID: "no-url"),
            Attachment(kind: .image, url: "https://bakery.example/pie.jpg"),
        ])
        let request = try Self.render(reply)
        #expect(formFields(request.body).filter { $0.name == "MediaUrl" }.map(\.value)
            == ["https://bakery.example/cake.jpg", "https://bakery.example/pie.jpg"])
        let adapter = try TestAccount.adapter()
        #expect(adapter.costSegments(for: request) == 1)
    }

    @Test func refusesAnEmptyReply() throws {
        let failure = try #require(throws: SendFailure.self) { try Self.render(OutboundMessage(id: "r1", text: "  ")) }
        #expect(!failure.isRetryable)
    }

    @Test func costsTheSegmentsOfTheBody() throws {
        let adapter = try TestAccount.adapter()
        let emoji = try Self.render(OutboundMessage(id: "r1", text: String(repeating: "🎂", count: 36)))
        #expect(adapter.costSegments(for: emoji) == 2)
        #expect(adapter.costSegments(for: ProviderRequest(url: "https://example.com")) == 0)
        #expect(adapter.usage(of: ProviderRequest(url: "https://example.com")).isEmpty)
    }
}
