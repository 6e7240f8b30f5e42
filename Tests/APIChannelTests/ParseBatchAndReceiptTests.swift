import APIChannel
import ChannelKit
import Foundation
import Testing

@Suite struct ParseBatchAndReceiptTests {
    @Test func readsABatchInOrder() throws {
        let body = #"""
        [
          {"id": "m-1", "from": {"id": "u-1"}, "text": "First"},
          {"type": "receipt", "messageId": "rep-7f2c", "status": "delivered", "timestamp": 1714566600},
          {"id": "m-2", "from": {"id": "u-2"}, "text": "Second", "timestamp": 1714566601}
        ]
        """#
        let events = try TestChannel.adapter().parse(signed: body)
        #expect(events.count == 3)
        guard case .message(let first) = events[0],
              case .receipt(let receipt) = events[1],
              case .message(let second) = events[2] else {
            Issue.record("expected message, receipt, message; got \(events)")
            return
        }
        #expect(first.providerMessageID == "m-1")
        #expect(receipt == DeliveryReceipt(providerMessageID: "rep-7f2c", status: .delivered, timestamp: Date(timeIntervalSince1970: 1_714_566_600)))
        #expect(second.providerMessageID == "m-2")
        #expect(second.sender.channelUserID == "u-2")
    }

    @Test func readsAFailedReceiptWithAnErrorObject() throws {
        let body = #"{"type":"receipt","messageId":"int-991","status":"failed","timestamp":"2024-05-01T12:30:00Z","error":{"code":"blocked","message":"The customer blocked this sender"}}"#
        let events = try TestChannel.adapter().parse(signed: body)
        let expected = DeliveryReceipt(
            providerMessageID: "int-991",
            status: .failed,
            timestamp: Date(timeIntervalSince1970: 1_714_566_600),
            errorCode: "blocked",
            errorDescription: "The customer blocked this sender"
        )
        #expect(events == [.receipt(expected)])
    }

    @Test func readsAReceiptWithAnErrorString() throws {
        let body = #"{"type":"receipt","messageId":"int-991","status":"failed","error":"mailbox full"}"#
        let events = try TestChannel.adapter().parse(signed: body)
        guard case .receipt(let receipt)? = events.first else {
            Issue.record("expected a receipt, got \(events)")
            return
        }
        #expect(receipt.errorCode == nil)
        #expect(receipt.errorDescription == "mailbox full")
    }

    @Test(arguments: ["sent", "delivered", "read", "failed"])
    func readsEveryReceiptStatus(status: String) throws {
        let body = #"{"type":"receipt","messageId":"rep-1","status":""# + status + #""}"#
        let events = try TestChannel.adapter().parse(signed: body)
        guard case .receipt(let receipt)? = events.first else {
            Issue.record("expected a receipt, got \(events)")
            return
        }
        #expect(receipt.status.rawValue == status)
    }

    @Test func acceptsABatchOfOneHundred() throws {
        let items = (1...100).map { #"{"id":"m-\#($0)","from":{"id":"u"},"text":"Hi"}"# }
        let events = try TestChannel.adapter().parse(signed: "[" + items.joined(separator: ",") + "]")
        #expect(events.count == 100)
    }

    @Test func refusesABatchOverOneHundredWith413() throws {
        let items = (1...101).map { #"{"id":"m-\#($0)","from":{"id":"u"},"text":"Hi"}"# }
        let adapter = try TestChannel.adapter()
        let error = try #require(throws: WebhookError.self) {
            try adapter.parse(signed: "[" + items.joined(separator: ",") + "]")
        }
        #expect(error.status == 413)
        #expect(error.code == "payload_too_large")
        #expect(error.message.contains("100"))
    }
}
