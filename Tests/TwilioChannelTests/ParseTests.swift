import ChannelKit
import Foundation
import Testing
import TwilioChannel

@Suite struct ParseTests {
    @Test func readsAnIncomingSMS() throws {
        let message = try onlyMessage(TestAccount.adapter().parse(fields: Webhooks.sms("Do you have gluten-free bread?")))
        #expect(message.providerMessageID == Webhooks.messageSid)
        #expect(message.sender == Participant(channelUserID: "+14155550123", phone: "+14155550123"))
        #expect(message.threadKey == "+14155550123")
        #expect(message.text == "Do you have gluten-free bread?")
        #expect(message.attachments.isEmpty)
        #expect(message.metadata == ["to": TestAccount.fromNumber, "numSegments": "1"])
    }

    @Test func readsPlusAsSpaceAndUTF8() throws {
        let message = try onlyMessage(TestAccount.adapter().parse(fields: Webhooks.sms("Grüße 1+1 & 日本 👍")))
        #expect(message.text == "Grüße 1+1 & 日本 👍")
    }

    @Test func readsAnMMSWithMedia() throws {
        let message = try onlyMessage(TestAccount.adapter().parse(fields: Webhooks.mms))
        #expect(message.providerMessageID == "MM800f449d0399ed014aae2bcc0cc2f2ec")
        #expect(message.text == "Is this cake available?")
        #expect(message.attachments.count == 2)
        #expect(message.attachments[0].kind == .image)
        #expect(message.attachments[0].mimeType == "image/jpeg")
        #expect(message.attachments[0].providerMediaID == "ME0123456789abcdef0123456789abcdef")
        #expect(message.attachments[0].url?.hasSuffix("/Media/ME0123456789abcdef0123456789abcdef") == true)
        #expect(message.attachments[1].kind == .video)
    }

    @Test(arguments: [
        ("queued", DeliveryStatus.sent), ("sending", .sent), ("sent", .sent), ("delivered", .delivered),
        ("read", .read), ("undelivered", .failed), ("failed", .failed),
    ])
    func readsStatusCallbacks(status: String, expected: DeliveryStatus) throws {
        let receipt = try onlyReceipt(TestAccount.adapter().parse(fields: Webhooks.status(status)))
        #expect(receipt.providerMessageID == "SM5c3e2b4e3f0a4b2c8d1e7f6a9b0c1d2e")
        #expect(receipt.status == expected)
        #expect(receipt.errorCode == nil)
    }

    @Test func readsTheErrorCodeOfAFailedDelivery() throws {
        let receipt = try onlyReceipt(TestAccount.adapter().parse(fields: Webhooks.status("undelivered", errorCode: "30003")))
        #expect(receipt.status == .failed)
        #expect(receipt.errorCode == "30003")
        #expect(receipt.errorDescription == "the destination handset is unreachable")
    }

    @Test func ignoresUnknownStatuses() throws {
        let events = try TestAccount.adapter().parse(fields: Webhooks.status("teleported"))
        guard events.count == 1, case .ignored(let reason) = events[0] else {
            throw TestFailure(description: "expected ignored, got \(events)")
        }
        #expect(reason.contains("teleported"))
    }

    @Test func ignoresAnotherAccount() throws {
        var fields = Webhooks.sms()
        fields.removeAll { $0.0 == "AccountSid" }
        fields.append(("AccountSid", "ACffffffffffffffffffffffffffffffff"))
        let events = try TestAccount.adapter().parse(fields: fields)
        guard events.count == 1, case .ignored = events[0] else {
            throw TestFailure(description: "expected ignored, got \(events)")
        }
    }

    @Test(arguments: ["MessageSid", "From"])
    func refusesAMissingFieldNamingIt(field: String) throws {
        let fields = Webhooks.sms().filter { $0.0 != field }
        let error = try #require(throws: WebhookError.self) { try TestAccount.adapter().parse(fields: fields) }
        #expect(error.status == 400)
        #expect(error.code == "malformed_payload")
        #expect(error.message.contains(field))
    }

    @Test func refusesAStatusCallbackWithoutMessageSid() throws {
        let fields = Webhooks.status("delivered").filter { $0.0 != "MessageSid" }
        let error = try #require(throws: WebhookError.self) { try TestAccount.adapter().parse(fields: fields) }
        #expect(error.message.contains("MessageSid"))
    }

    @Test(arguments: [("NumMedia", "two"), ("NumMedia", "11"), ("NumMedia", "-1")])
    func refusesABadMediaCount(field: String, value: String) throws {
        var fields = Webhooks.sms()
        fields.removeAll { $0.0 == field }
        fields.append((field, value))
        let error = try #require(throws: WebhookError.self) { try TestAccount.adapter().parse(fields: fields) }
        #expect(error.status == 400)
        #expect(error.message.contains("NumMedia"))
    }

    @Test func refusesAMissingMediaURL() throws {
        let fields = Webhooks.mms.filter { $0.0 != "MediaUrl1" }
        let error = try #require(throws: WebhookError.self) { try TestAccount.adapter().parse(fields: fields) }
        #expect(error.message.contains("MediaUrl1"))
    }

    @Test(arguments: ["Body=%ZZ&From=%2B1", "Body=%C3%28&From=x"])
    func refusesABodyThatIsNotAForm(body: String) throws {
        let request = WebhookRequest(method: "POST", body: Data(body.utf8), publicURL: TestAccount.webhookURL)
        let error = try #require(throws: WebhookError.self) { try TestAccount.adapter().parse(request) }
        #expect(error.status == 400)
    }

    @Test func refusesBytesThatAreNotUTF8() throws {
        let request = WebhookRequest(method: "POST", body: Data([0x42, 0x6F, 0xFF, 0x3D]), publicURL: TestAccount.webhookURL)
        #expect(throws: WebhookError.self) { try TestAccount.adapter().parse(request) }
    }

    @Test func acknowledgesWithEmptyTwiML() throws {
        let response = try TestAccount.adapter().acknowledgement(for: TestAccount.webhook(Webhooks.sms()), accepted: 1, duplicates: 0)
        #expect(response.status == 200)
        #expect(response.headers["Content-Type"]?.hasPrefix("text/xml") == true)
        #expect(String(decoding: response.body, as: UTF8.self) == #"<?xml version="1.0" encoding="UTF-8"?><Response></Response>"#)
    }

    @Test func verifiesSignedFormPosts() throws {
        let adapter = try TestAccount.adapter()
        try adapter.verify(TestAccount.webhook(Webhooks.sms()))

        var get = TestAccount.webhook(Webhooks.sms())
        get.method = "GET"
        #expect(throws: WebhookError.methodNotAllowed("GET")) { try adapter.verify(get) }

        var json = TestAccount.webhook(Webhooks.sms())
        json.headers["Content-Type"] = "application/json"
        let error = try #require(throws: WebhookError.self) { try adapter.verify(json) }
        #expect(error.status == 415)

        let unsigned = TestAccount.webhook(Webhooks.sms(), signature: "")
        #expect(throws: WebhookError.missingSignature("X-Twilio-Signature")) { try adapter.verify(unsigned) }

        let forged = TestAccount.webhook(Webhooks.sms(), signature: "hk0dl+HFbX1Q69QoQB8DlQIWokp=")
        let forgedError = try #require(throws: WebhookError.self) { try adapter.verify(forged) }
        #expect(forgedError.code == "invalid_signature")
    }
}
