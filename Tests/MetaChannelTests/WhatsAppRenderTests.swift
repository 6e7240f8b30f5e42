import ChannelKit
import Foundation
import MetaChannel
import Testing

@Suite struct WhatsAppRenderTests {
    static func requests(_ reply: OutboundMessage, settings: [String: JSONValue] = [:], conversation: ConversationAddress = WhatsAppTestChannel.conversation()) throws -> [ProviderRequest] {
        try WhatsAppTestChannel.adapter(settings: settings).render(reply, for: conversation).providerRequests()
    }

    @Test func rendersATextReplyInTheCloudAPIShape() throws {
        let requests = try Self.requests(OutboundMessage(id: "rep-1", text: "Yes, it also comes in green and blue."))
        let request = try #require(requests.first)
        #expect(requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.url == "https://graph.facebook.com/v21.0/106540352242922/messages")
        #expect(request.headers["Authorization"] == "Bearer EAAJBtest-access-token")
        #expect(request.headers["Content-Type"] == "application/json")
        #expect(bodyText(request) == #"{"context":{"message_id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA="},"messaging_product":"whatsapp","recipient_type":"individual","text":{"body":"Yes, it also comes in green and blue.","preview_url":false},"to":"16505551234","type":"text"}"#)
    }

    @Test func omitsTheContextWhenTheReplyAnswersNothing() throws {
        let conversation = WhatsAppTestChannel.conversation(inReplyTo: nil)
        let request = try #require(try Self.requests(OutboundMessage(id: "rep-2", text: "Hello"), conversation: conversation).first)
        #expect(try jsonObject(request.body)["context"] == nil)
    }

    @Test func splitsALongReplyWithTheContextOnTheFirstPartOnly() throws {
        let text = "Your parcel left our warehouse this morning. It should arrive on Friday before noon. Reply with your order number if it does not."
        let requests = try Self.requests(OutboundMessage(id: "rep-3", text: text), settings: ["maxTextLength": .number(60)])
        let bodies = try requests.map { try JSONValue.object(jsonObject($0.body)) }
        #expect(bodies.map { $0[path: "text.body"] } == [
            .string("Your parcel left our warehouse this morning."),
            .string("It should arrive on Friday before noon."),
            .string("Reply with your order number if it does not."),
        ])
        #expect(bodies.map { $0[path: "context.message_id"] != nil } == [true, false, false])
        #expect(Set(requests.map(\.url)) == ["https://graph.facebook.com/v21.0/106540352242922/messages"])
    }

    @Test func putsUpToThreeQuickRepliesAsButtonsOnTheLastPart() throws {
        let reply = OutboundMessage(
            id: "rep-4",
            text: "Your parcel left our warehouse this morning. Would you like tracking updates?",
            quickReplies: [QuickReply(title: "Yes please", payload: "TRACK_YES"), QuickReply(title: "No thanks", payload: "TRACK_NO")]
        )
        let requests = try Self.requests(reply, settings: ["maxTextLength": .number(50)])
        #expect(requests.count == 2)
        let first = JSONValue.object(try jsonObject(requests[0].body))
        let last = JSONValue.object(try jsonObject(requests[1].body))
        #expect(first[path: "type"] == .string("text"))
        #expect(last[path: "type"] == .string("interactive"))
        #expect(last[path: "context"] == nil)
        #expect(bodyText(requests[1]) == #"{"interactive":{"action":{"buttons":[{"reply":{"id":"TRACK_YES","title":"Yes please"},"type":"reply"},{"reply":{"id":"TRACK_NO","title":"No thanks"},"type":"reply"}]},"body":{"text":"Would you like tracking updates?"},"type":"button"},"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"interactive"}"#)
    }

    @Test func putsUpToTenQuickRepliesInAList() throws {
        let options = ["Standard", "Express", "Next day", "Pick-up point", "Collect in store"].map { QuickReply(title: $0) }
        let requests = try Self.requests(OutboundMessage(id: "rep-5", text: "How should we ship it?", quickReplies: options), settings: ["listButtonText": .string("Shipping")])
        #expect(requests.count == 1)
        let body = JSONValue.object(try jsonObject(requests[0].body))
        #expect(body[path: "interactive.type"] == .string("list"))
        #expect(body[path: "interactive.body.text"] == .string("How should we ship it?"))
        #expect(body[path: "interactive.action.button"] == .string("Shipping"))
        #expect(body[path: "interactive.action.sections"] == .array([.object([
            "title": .string("Shipping"),
            "rows": .array(options.map { .object(["id": .string($0.payload), "title": .string($0.title)]) }),
        ])]))
        #expect(body[path: "context.message_id"] == .string(WhatsAppTestChannel.wamid))
    }

    @Test func aTitleTooLongForAButtonMovesToAList() throws {
        let options = [QuickReply(title: "Talk to a person now"), QuickReply(title: "Track my parcel please")]
        let body = JSONValue.object(try jsonObject(try #require(try Self.requests(OutboundMessage(id: "rep-6", text: "Anything else?", quickReplies: options)).first).body))
        #expect(body[path: "interactive.type"] == .string("list"))
    }

    @Test func moreThanTenQuickRepliesAreWrittenOutAsNumberedText() throws {
        let options = (1...11).map { QuickReply(title: "Option \($0)") }
        let requests = try Self.requests(OutboundMessage(id: "rep-7", text: "Pick one:", quickReplies: options))
        #expect(requests.count == 1)
        let body = JSONValue.object(try jsonObject(requests[0].body))
        #expect(body[path: "type"] == .string("text"))
        let expected = "Pick one:\n\n" + (1...11).map { "\($0). Option \($0)" }.joined(separator: "\n")
        #expect(body[path: "text.body"] == .string(expected))
    }

    @Test func quickRepliesWithoutTextAreWrittenOut() throws {
        let requests = try Self.requests(OutboundMessage(id: "rep-8", text: " ", quickReplies: [QuickReply(title: "Yes"), QuickReply(title: "No")]))
        let body = JSONValue.object(try jsonObject(try #require(requests.first).body))
        #expect(body[path: "text.body"] == .string("1. Yes\n2. No"))
    }

    @Test func keepsTheInteractiveBodyWithinItsLimit() throws {
        let sentences = (1...60).map { "Sentence number \($0) is here." }.joined(separator: " ")
        #expect(sentences.count > 1024 && sentences.count < 4096)
        let requests = try Self.requests(OutboundMessage(id: "rep-9", text: sentences, quickReplies: [QuickReply(title: "OK")]))
        #expect(requests.count == 2)
        let last = JSONValue.object(try jsonObject(requests[1].body))
        guard case .string(let body)? = last[path: "interactive.body.text"] else {
            throw TestFailure(description: "no interactive body in \(bodyText(requests[1]))")
        }
        #expect(body.count <= 1024)
        let first = JSONValue.object(try jsonObject(requests[0].body))
        guard case .string(let head)? = first[path: "text.body"] else { throw TestFailure(description: "no text body") }
        #expect(head + " " + body == sentences)
    }

    @Test func sendsMediaFirstThenText() throws {
        let reply = OutboundMessage(id: "rep-10", text: "Here is your invoice.", attachments: [
            ChannelKit.Attachment(kind: .file, url: "https://cdn.example/invoice.pdf", mimeType: "application/pdf", filename: "invoice.pdf", caption: "Invoice 42"),
            ChannelKit.Attachment(kind: .image, providerMediaID: "1003383421387256"),
            ChannelKit.Attachment(kind: .location, url: "geo:1,2"),
        ])
        let requests = try Self.requests(reply)
        #expect(requests.count == 3)
        #expect(bodyText(requests[0]) == #"{"context":{"message_id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA="},"document":{"caption":"Invoice 42","filename":"invoice.pdf","link":"https://cdn.example/invoice.pdf"},"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"document"}"#)
        #expect(bodyText(requests[1]) == #"{"image":{"id":"1003383421387256"},"messaging_product":"whatsapp","recipient_type":"individual","to":"16505551234","type":"image"}"#)
        #expect(JSONValue.object(try jsonObject(requests[2].body))[path: "text.body"] == .string("Here is your invoice."))
    }

    @Test func refusesAnEmptyReplyForGood() throws {
        let failure = try #require(throws: SendFailure.self) { try Self.requests(OutboundMessage(id: "rep-11", text: "")) }
        #expect(!failure.isRetryable)
    }
}
