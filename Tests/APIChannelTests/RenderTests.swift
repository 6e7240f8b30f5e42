import APIChannel
import ChannelKit
import Foundation
import Testing

@Suite struct RenderTests {
    static let conversation = ConversationAddress(
        recipient: Participant(channelUserID: "customer-42", displayName: "Ada Lovelace"),
        threadKey: "customer-42",
        inReplyTo: "msg-1001"
    )

    static func requests(_ delivery: Delivery) throws -> [ProviderRequest] {
        guard case .providerAPI(let requests) = delivery else {
            throw TestFailure(description: "expected provider API requests, got \(delivery)")
        }
        return requests
    }

    @Test func rendersTheDocumentedReplyByteForByte() throws {
        let reply = OutboundMessage(id: "rep-7f2c", text: "Your order left our warehouse this morning.")
        let requests = try Self.requests(TestChannel.adapter().render(reply, for: Self.conversation))
        let request = try #require(requests.first)
        #expect(requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.url == TestChannel.callbackURL)
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(request.headers["Idempotency-Key"] == "rep-7f2c")
        // The body and signature docs/API_CHANNEL.md shows, computed there with Python.
        let documented = #"{"id":"rep-7f2c","inReplyTo":"msg-1001","part":1,"parts":1,"text":"Your order left our warehouse this morning.","thread":"customer-42","to":{"id":"customer-42"}}"#
        #expect(String(decoding: request.body, as: UTF8.self) == documented)
        #expect(request.headers["X-Signature"] == "sha256=5ea622fa83fc1a8828e45e47f4dad3bc0e395dabd69fa9daec07c47176337cfe")
    }

    @Test func splitsALongReplyOnSentencesAndSignsEachPart() throws {
        let text = "Your parcel left our warehouse this morning. It should arrive on Friday before noon. "
            + "Reply with your order number if it does not."
        let reply = OutboundMessage(id: "rep-9", text: text)
        let requests = try Self.requests(TestChannel.adapter(maxTextLength: 60).render(reply, for: Self.conversation))

        let expectedTexts = [
            "Your parcel left our warehouse this morning.",
            "It should arrive on Friday before noon.",
            "Reply with your order number if it does not.",
        ]
        #expect(requests.count == expectedTexts.count)
        for (index, request) in requests.enumerated() {
            let body = try jsonObject(request.body)
            let partID = "rep-9-\(index + 1)"
            #expect(body["id"] == .string(partID))
            #expect(body["text"] == .string(expectedTexts[index]))
            #expect(body["part"] == .number(Double(index + 1)))
            #expect(body["parts"] == .number(3))
            #expect(body["to"] == .object(["id": .string("customer-42")]))
            #expect(body["thread"] == .string("customer-42"))
            #expect(body["inReplyTo"] == .string("msg-1001"))
            #expect(request.headers["Idempotency-Key"] == partID)
            #expect(request.url == TestChannel.callbackURL)

            // Recomputed here as the integrator would: HMAC-SHA256 of the exact body bytes.
            let expectedSignature = "sha256=" + Signature.hmacSHA256Hex(key: TestChannel.secret, data: request.body)
            #expect(request.headers["X-Signature"] == expectedSignature)
            #expect(throws: Never.self) {
                try APIChannelSignature.verify(request.headers["X-Signature"], body: request.body, secret: TestChannel.secret)
            }
        }
    }

    @Test func putsQuickRepliesAndAttachmentsOnTheLastPartOnly() throws {
        let reply = OutboundMessage(
            id: "rep-10",
            text: "Your parcel left our warehouse this morning. It should arrive on Friday before noon.",
            quickReplies: [QuickReply(title: "Track it", payload: "TRACK"), QuickReply(title: "Thanks")],
            attachments: [Attachment(kind: .file, url: "https://cdn.example/label.pdf", mimeType: "application/pdf", filename: "label.pdf")]
        )
        let requests = try Self.requests(TestChannel.adapter(maxTextLength: 50).render(reply, for: Self.conversation))
        #expect(requests.count == 2)
        let first = try jsonObject(try #require(requests.first).body)
        let last = try jsonObject(try #require(requests.last).body)

        #expect(first["quickReplies"] == nil)
        #expect(first["attachments"] == nil)
        #expect(last["quickReplies"] == .array([
            .object(["title": .string("Track it"), "payload": .string("TRACK")]),
            .object(["title": .string("Thanks"), "payload": .string("Thanks")]),
        ]))
        #expect(last["attachments"] == .array([
            .object([
                "type": .string("file"),
                "url": .string("https://cdn.example/label.pdf"),
                "mimeType": .string("application/pdf"),
                "filename": .string("label.pdf"),
            ]),
        ]))
    }

    @Test func omitsWhatIsAbsent() throws {
        let conversation = ConversationAddress(recipient: Participant(channelUserID: "u-1"), threadKey: "t-1")
        let requests = try Self.requests(TestChannel.adapter().render(OutboundMessage(id: "rep-11", text: "Hello"), for: conversation))
        let body = try jsonObject(try #require(requests.first).body)
        #expect(body["id"] == .string("rep-11"), "a reply of one part keeps the reply's id")
        #expect(body["inReplyTo"] == nil)
        #expect(body["quickReplies"] == nil)
        #expect(body["attachments"] == nil)
    }

    @Test func sendsAnAttachmentWithoutText() throws {
        let reply = OutboundMessage(id: "rep-12", text: "  ", attachments: [Attachment(kind: .image, url: "https://cdn.example/map.png")])
        let requests = try Self.requests(TestChannel.adapter().render(reply, for: Self.conversation))
        let body = try jsonObject(try #require(requests.first).body)
        #expect(requests.count == 1)
        #expect(body["text"] == .string(""))
        #expect(body["attachments"] == .array([.object(["type": .string("image"), "url": .string("https://cdn.example/map.png")])]))
    }

    @Test func refusesAnEmptyReplyForGood() throws {
        let adapter = try TestChannel.adapter()
        let failure = try #require(throws: SendFailure.self) {
            try adapter.render(OutboundMessage(id: "rep-13", text: ""), for: Self.conversation)
        }
        #expect(!failure.isRetryable)
    }
}
