import APIChannel
import ChannelKit
import Foundation
import Testing

@Suite struct ParseMessageTests {
    @Test func readsAMessageWithEveryField() throws {
        let body = #"""
        {
          "type": "message",
          "id": "msg-2001",
          "from": {"id": "customer-42", "name": "Ada Lovelace", "phone": "+14155550123", "email": "ada@example.com"},
          "thread": "order-5521",
          "text": "Here is the damaged box.",
          "timestamp": "2024-05-01T12:30:00Z",
          "attachments": [
            {"type": "image", "url": "https://cdn.example/box.jpg", "mimeType": "image/jpeg", "filename": "box.jpg", "caption": "The box"},
            {"type": "hologram", "url": "https://cdn.example/x.holo"}
          ],
          "locale": "en-GB",
          "metadata": {"crm": {"ticket": 7}}
        }
        """#
        let events = try TestChannel.adapter().parse(signed: body)
        let expected = InboundMessage(
            providerMessageID: "msg-2001",
            sender: Participant(channelUserID: "customer-42", displayName: "Ada Lovelace", phone: "+14155550123", email: "ada@example.com"),
            threadKey: "order-5521",
            text: "Here is the damaged box.",
            attachments: [
                Attachment(kind: .image, url: "https://cdn.example/box.jpg", mimeType: "image/jpeg", filename: "box.jpg", caption: "The box"),
                Attachment(kind: .other, url: "https://cdn.example/x.holo"),
            ],
            timestamp: Date(timeIntervalSince1970: 1_714_566_600)
        )
        #expect(events == [.message(expected)])
    }

    @Test func readsTheDocumentedMinimalMessage() throws {
        let before = Date()
        let events = try TestChannel.adapter().parse(signed: #"{"id":"m-1","from":{"id":"visitor-9"},"text":"Hi"}"#)
        let after = Date()
        guard case .message(let message)? = events.first, events.count == 1 else {
            Issue.record("expected one message, got \(events)")
            return
        }
        #expect(message.providerMessageID == "m-1")
        #expect(message.sender == Participant(channelUserID: "visitor-9"))
        #expect(message.threadKey == "visitor-9", "the thread defaults to the sender's id")
        #expect(message.text == "Hi")
        #expect(message.attachments.isEmpty)
        #expect(message.timestamp >= before && message.timestamp <= after, "the timestamp defaults to now")
    }

    @Test(arguments: [
        ("1714566600", 1_714_566_600.0),
        ("1714566600.5", 1_714_566_600.5),
        (#""2024-05-01T14:30:00+02:00""#, 1_714_566_600.0),
        (#""2024-05-01T12:30:00.250Z""#, 1_714_566_600.25),
    ])
    func readsTimestampsInEitherForm(json: String, seconds: Double) throws {
        let body = #"{"id":"m-1","from":{"id":"u"},"text":"Hi","timestamp":"# + json + "}"
        let events = try TestChannel.adapter().parse(signed: body)
        guard case .message(let message)? = events.first else {
            Issue.record("expected a message, got \(events)")
            return
        }
        #expect(abs(message.timestamp.timeIntervalSince1970 - seconds) < 0.001)
    }

    @Test func aMessageWithAttachmentsNeedsNoText() throws {
        let body = #"{"id":"m-3","from":{"id":"u"},"attachments":[{"type":"location","url":"geo:51.5,-0.12","caption":"I am here"}]}"#
        let events = try TestChannel.adapter().parse(signed: body)
        guard case .message(let message)? = events.first else {
            Issue.record("expected a message, got \(events)")
            return
        }
        #expect(message.attachments == [Attachment(kind: .location, url: "geo:51.5,-0.12", caption: "I am here")])
        #expect(message.text == "I am here", "captions stand in for the missing text")
    }

    @Test func emptyOptionalFieldsReadAsAbsent() throws {
        let body = #"{"id":"m-4","from":{"id":"u","name":"","email":null},"thread":"","text":"Hi"}"#
        let events = try TestChannel.adapter().parse(signed: body)
        guard case .message(let message)? = events.first else {
            Issue.record("expected a message, got \(events)")
            return
        }
        #expect(message.sender == Participant(channelUserID: "u"))
        #expect(message.threadKey == "u")
    }

    @Test func ignoresATypeItDoesNotKnow() throws {
        let events = try TestChannel.adapter().parse(signed: #"{"type":"typing","from":{"id":"u"}}"#)
        #expect(events.count == 1)
        guard case .ignored(let reason)? = events.first else {
            Issue.record("expected an ignored event, got \(events)")
            return
        }
        #expect(reason.contains("typing"))
    }
}
