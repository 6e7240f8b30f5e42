import ChannelKit
import Foundation
import MetaChannel
import Testing

@Suite struct InstagramRenderTests {
    static func requests(_ reply: OutboundMessage, settings: [String: JSONValue] = [:], conversation: ConversationAddress = InstagramTestChannel.conversation()) throws -> [ProviderRequest] {
        try InstagramTestChannel.adapter(settings: settings).render(reply, for: conversation).providerRequests()
    }

    @Test func rendersATextReplyInTheSendAPIShape() throws {
        let requests = try Self.requests(OutboundMessage(id: "rep-1", text: "Yes, it is! Which size?"))
        let request = try #require(requests.first)
        #expect(requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.url == "https://graph.facebook.com/v21.0/17841400000000000/messages")
        #expect(request.headers["Authorization"] == "Bearer EAAJBtest-access-token")
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(bodyText(request) == #"{"message":{"text":"Yes, it is! Which size?"},"messaging_type":"RESPONSE","recipient":{"id":"1234567890123456"}}"#)
    }

    @Test func putsQuickRepliesOnTheLastPartWithTitlesCutToTwentyCharacters() throws {
        let reply = OutboundMessage(
            id: "rep-2",
            text: "Your parcel left our warehouse this morning. Would you like tracking updates?",
            quickReplies: [QuickReply(title: "Yes please", payload: "TRACK_YES"), QuickReply(title: "No thanks, I will check myself", payload: "TRACK_NO")]
        )
        let requests = try Self.requests(reply, settings: ["maxTextLength": .number(50)])
        #expect(requests.count == 2)
        #expect(try jsonObject(requests[0].body)["message"]?[path: "quick_replies"] == nil)
        #expect(bodyText(requests[1]) == #"{"message":{"quick_replies":[{"content_type":"text","payload":"TRACK_YES","title":"Yes please"},{"content_type":"text","payload":"TRACK_NO","title":"No thanks, I will c…"}],"text":"Would you like tracking updates?"},"messaging_type":"RESPONSE","recipient":{"id":"1234567890123456"}}"#)
    }

    @Test func writesOutMoreThanThirteenQuickReplies() throws {
        let options = (1...14).map { QuickReply(title: "Size \($0)") }
        let requests = try Self.requests(OutboundMessage(id: "rep-3", text: "Which size?", quickReplies: options))
        let body = JSONValue.object(try jsonObject(try #require(requests.first).body))
        #expect(body[path: "message.quick_replies"] == nil)
        #expect(body[path: "message.text"] == .string("Which size?\n\n" + (1...14).map { "\($0). Size \($0)" }.joined(separator: "\n")))
    }

    @Test func splitsByCharactersAndByUTF8Bytes() throws {
        // 600 two-byte characters: within 1000 characters but 1200 bytes, so two parts.
        let text = String(repeating: "é", count: 300) + " " + String(repeating: "ü", count: 300)
        let requests = try Self.requests(OutboundMessage(id: "rep-4", text: text))
        #expect(requests.count == 2)
        for request in requests {
            let body = JSONValue.object(try jsonObject(request.body))
            guard case .string(let part)? = body[path: "message.text"] else { throw TestFailure(description: "no text") }
            #expect(part.utf8.count <= 1000)
        }
    }

    @Test func sendsMediaByURLBeforeTheText() throws {
        let reply = OutboundMessage(id: "rep-5", text: "Here it is in blue.", attachments: [
            ChannelKit.Attachment(kind: .image, url: "https://cdn.example/blue.jpg"),
            ChannelKit.Attachment(kind: .image, providerMediaID: "only-an-id"),
        ])
        let requests = try Self.requests(reply)
        #expect(requests.count == 2)
        #expect(bodyText(requests[0]) == #"{"message":{"attachment":{"payload":{"url":"https://cdn.example/blue.jpg"},"type":"image"}},"messaging_type":"RESPONSE","recipient":{"id":"1234567890123456"}}"#)
    }

    @Test(arguments: [24 * 60.0, 2 * 24 * 60] as [Double?] + [nil])
    func failsForGoodOutsideTheWindow(minutesAgo: Double?) throws {
        let adapter = try InstagramTestChannel.adapter()
        let failure = try #require(throws: SendFailure.self) {
            try adapter.render(OutboundMessage(id: "rep-6", text: "Hello again"), for: InstagramTestChannel.conversation(lastWroteMinutesAgo: minutesAgo))
        }
        #expect(!failure.isRetryable)
        #expect(failure.reason.contains("outside Instagram's 24-hour messaging window"))
    }

    @Test func sendsInsideTheWindowUpToItsLastSecond() throws {
        let requests = try Self.requests(OutboundMessage(id: "rep-7", text: "Still here"), conversation: InstagramTestChannel.conversation(lastWroteMinutesAgo: 24 * 60 - 1))
        #expect(requests.count == 1)
    }

    @Test func marksSeenThenShowsTyping() throws {
        let adapter = try InstagramTestChannel.adapter()
        let message = try #require(try adapter.parse(signed: InstagramPayloads.text).messages.first)
        let requests = adapter.acceptedRequests(for: message)
        #expect(requests.map(\.url) == Array(repeating: "https://graph.facebook.com/v21.0/17841400000000000/messages", count: 2))
        #expect(requests.map(bodyText) == [
            #"{"recipient":{"id":"1234567890123456"},"sender_action":"mark_seen"}"#,
            #"{"recipient":{"id":"1234567890123456"},"sender_action":"typing_on"}"#,
        ])
        #expect(requests.allSatisfy { $0.headers["Authorization"] == "Bearer EAAJBtest-access-token" })
    }

    @Test func refusesAnEmptyReplyForGood() throws {
        let failure = try #require(throws: SendFailure.self) { try Self.requests(OutboundMessage(id: "rep-8", text: "")) }
        #expect(!failure.isRetryable)
    }
}
