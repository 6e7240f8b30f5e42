import ChannelKit
import Foundation
import MetaChannel
import Testing

@Suite struct WhatsAppParseBatchTests {
    /// Two entries: the first with two messages in one change and a statuses change, the second
    /// with a message from another customer and two statuses.
    static let batch = """
    {"object":"whatsapp_business_account","entry":[\
    {"id":"102290129340398","changes":[\
    {"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},\
    "contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"16505551234"}],"messages":[\
    {"from":"16505551234","id":"wamid.A1","timestamp":"1739321024","text":{"body":"Hello"},"type":"text"},\
    {"from":"16505551234","id":"wamid.A2","timestamp":"1739321025","text":{"body":"Are you open today?"},"type":"text"}]},"field":"messages"},\
    {"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},\
    "statuses":[{"id":"wamid.OUT1","status":"delivered","timestamp":"1739321026","recipient_id":"16505551234"}]},"field":"messages"}]},\
    {"id":"102290129340398","changes":[\
    {"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},\
    "contacts":[{"profile":{"name":"Kerry Fisher"},"wa_id":"16315551234"}],\
    "messages":[{"from":"16315551234","id":"wamid.B1","timestamp":"1739321027","text":{"body":"Hi from Kerry"},"type":"text"}],\
    "statuses":[{"id":"wamid.OUT1","status":"read","timestamp":"1739321028","recipient_id":"16505551234"},\
    {"id":"wamid.OUT2","status":"sent","timestamp":"1739321029","recipient_id":"16315551234"}]},"field":"messages"}]}]}
    """

    @Test func readsEveryEntryChangeMessageAndStatusInOrder() throws {
        let events = try WhatsAppTestChannel.adapter().parse(signed: Self.batch)
        #expect(events.count == 6)
        #expect(events.messages.map(\.providerMessageID) == ["wamid.A1", "wamid.A2", "wamid.B1"])
        #expect(events.messages.map(\.text) == ["Hello", "Are you open today?", "Hi from Kerry"])
        #expect(events.messages.map(\.sender.displayName) == ["Sheena Nelson", "Sheena Nelson", "Kerry Fisher"])
        #expect(events.messages.map(\.threadKey) == ["16505551234", "16505551234", "16315551234"])
        #expect(events.receipts.map(\.providerMessageID) == ["wamid.OUT1", "wamid.OUT1", "wamid.OUT2"])
        #expect(events.receipts.map(\.status) == [.delivered, .read, .sent])
        #expect(events.ignoredReasons.isEmpty)
    }

    @Test func readsAFailedStatusWithItsError() throws {
        let events = try WhatsAppTestChannel.adapter().parse(signed: WhatsAppPayloads.statuses(WhatsAppPayloads.failedStatus))
        #expect(events == [.receipt(DeliveryReceipt(
            providerMessageID: "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3NzM3RkRCQjI1NUVBOUM1MTQA",
            status: .failed,
            timestamp: Date(timeIntervalSince1970: 1_739_321_030),
            errorCode: "131047",
            errorDescription: "Re-engagement message"
        ))])
    }

    @Test func readsTheDocumentedStatusWithConversationAndPricing() throws {
        let status = WhatsAppPayloads.status("sent", extra: #","conversation":{"id":"CONVERSATION_ID","expiration_timestamp":"1739407424","origin":{"type":"service"}},"pricing":{"billable":true,"pricing_model":"CBP","category":"service"}"#)
        let events = try WhatsAppTestChannel.adapter().parse(signed: WhatsAppPayloads.statuses(status))
        #expect(events.receipts.map(\.status) == [.sent])
    }

    @Test func ignoresStatusesItDoesNotTrack() throws {
        let events = try WhatsAppTestChannel.adapter().parse(signed: WhatsAppPayloads.statuses(WhatsAppPayloads.status("deleted")))
        #expect(events.ignoredReasons.first?.contains("\"deleted\" is not tracked") == true)
    }

    @Test func ignoresNotificationsForAnotherPhoneNumber() throws {
        let body = WhatsAppPayloads.text.replacingOccurrences(of: "\"phone_number_id\":\"106540352242922\"", with: "\"phone_number_id\":\"999\"")
        let events = try WhatsAppTestChannel.adapter().parse(signed: body)
        #expect(events.messages.isEmpty)
        #expect(events.ignoredReasons.first?.contains("phone number id 999") == true)
    }

    @Test func ignoresOtherFieldsObjectsAndProducts() throws {
        let adapter = try WhatsAppTestChannel.adapter()
        let template = WhatsAppPayloads.notification(value: #"{"event":"APPROVED","message_template_id":1,"message_template_name":"x","message_template_language":"en_US","reason":"NONE"}"#, field: "message_template_status_update")
        #expect(try adapter.parse(signed: template).ignoredReasons.first?.contains("message_template_status_update") == true)
        #expect(try adapter.parse(signed: #"{"object":"page","entry":[]}"#).ignoredReasons.first?.contains("\"page\"") == true)
        let product = WhatsAppPayloads.text.replacingOccurrences(of: "\"messaging_product\":\"whatsapp\"", with: "\"messaging_product\":\"other\"")
        #expect(try adapter.parse(signed: product).ignoredReasons.first?.contains("messaging_product") == true)
    }

    @Test func ignoresErrorsWhatsAppReportsWithTheirCode() throws {
        let body = WhatsAppPayloads.notification(value: #"{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"errors":[{"code":130429,"title":"Rate limit hit","message":"Rate limit hit","error_data":{"details":"Message failed to send because there were too many messages sent from this phone number in a short period of time"},"href":"/documentation/business-messaging/whatsapp/support/error-codes"}]}"#)
        let reasons = try WhatsAppTestChannel.adapter().parse(signed: body).ignoredReasons
        #expect(reasons == ["entry[0].changes[0].value.errors[0]: WhatsApp reported error 130429: Rate limit hit"])
    }

    @Test func anEmptyEntryListIsNothingToDo() throws {
        #expect(try WhatsAppTestChannel.adapter().parse(signed: #"{"object":"whatsapp_business_account","entry":[]}"#).isEmpty)
    }
}
