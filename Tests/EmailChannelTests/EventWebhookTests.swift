import ChannelKit
import Crypto
import EmailChannel
import Foundation
import Testing

/// The signed Event Webhook: signature checks, then events as receipts and unreachable addresses.
@Suite struct EventWebhookTests {
    /// A batch as SendGrid posts it (a JSON array, CRLF at the end), for two emails the gateway sent.
    static let batch = """
    [{"email":"jane.doe@gmail.com","event":"processed","sg_event_id":"cHJvY2Vzc2VkLTEyMw","sg_message_id":"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0","smtp-id":"<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>","timestamp":1748925790,"gateway_message_id":"msg_1","gateway_channel_id":"bakery-email"},\
    {"email":"jane.doe@gmail.com","event":"delivered","ip":"168.245.34.12","response":"250 2.0.0 OK  1748925791 5b1f17b1804b1-451d7b5081","sg_event_id":"ZGVsaXZlcmVkLTEyNA","sg_message_id":"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0","smtp-id":"<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>","timestamp":1748925791,"tls":1,"gateway_message_id":"msg_1","gateway_channel_id":"bakery-email"},\
    {"email":"jane.doe@gmail.com","event":"open","ip":"66.249.84.10","sg_event_id":"b3Blbi0xMjU","sg_machine_open":false,"sg_message_id":"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0","timestamp":1748925795,"useragent":"Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)","gateway_message_id":"msg_1","gateway_channel_id":"bakery-email"},\
    {"bounce_classification":"Invalid Address","email":"nobody@example.com","event":"bounce","reason":"550 5.1.1 The email account that you tried to reach does not exist.","sg_event_id":"Ym91bmNlLTEyNg","sg_message_id":"Xk3oGQ1oS0eRw9_P6wrMxg.filterdrecv-5645d9c87f-2xvrs-1-683E7A1C-3.0","smtp-id":"<Xk3oGQ1oS0eRw9_P6wrMxg@ismtpd0001p1lon1.sendgrid.net>","status":"5.1.1","timestamp":1748925796,"tls":1,"type":"bounce","gateway_message_id":"msg_2","gateway_channel_id":"bakery-email"}]\r\n
    """

    static func events(_ body: String, channelID: String = "bakery-email") throws -> [InboundEvent] {
        try SendGridEventWebhook.events(in: Data(body.utf8), channelID: channelID, now: TestMailbox.now)
    }

    // MARK: Signature

    @Test func aSignedBatchIsAcceptedAndRead() throws {
        let adapter = try TestMailbox.adapter()
        let request = TestMailbox.eventPost(Self.batch)
        try adapter.verify(request)
        let events = try adapter.parse(request)
        #expect(events == [
            .receipt(DeliveryReceipt(providerMessageID: "LRzXl_NHStOGhQ4kofSm_A", status: .sent, timestamp: Date(timeIntervalSince1970: 1_748_925_790))),
            .receipt(DeliveryReceipt(providerMessageID: "LRzXl_NHStOGhQ4kofSm_A", status: .delivered, timestamp: Date(timeIntervalSince1970: 1_748_925_791))),
            .receipt(DeliveryReceipt(providerMessageID: "LRzXl_NHStOGhQ4kofSm_A", status: .read, timestamp: Date(timeIntervalSince1970: 1_748_925_795))),
            .receipt(DeliveryReceipt(
                providerMessageID: "Xk3oGQ1oS0eRw9_P6wrMxg", status: .failed, timestamp: Date(timeIntervalSince1970: 1_748_925_796),
                errorCode: "bounce", errorDescription: "5.1.1 550 5.1.1 The email account that you tried to reach does not exist."
            )),
            .unreachable(address: "nobody@example.com", reason: "the email bounced: 5.1.1 550 5.1.1 The email account that you tried to reach does not exist."),
        ])
    }

    /// The known answer published with SendGrid's helper libraries: their verification key, signature,
    /// timestamp and payload.
    @Test func verifiesSendGridsPublishedExample() throws {
        let key = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEEDr2LjtURuePQzplybdC+u4CwrqDqBaWjcMMsTbhdbcwHBcepxo7yAQGhHPTnlvFYPAZFceEu/1FwCM/QmGUhA=="
        let payload = #"{"category":"example_payload","event":"test_event","message_id":"message_id"}"#
        let signature = "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH2j/0="
        let adapter = try TestMailbox.adapter(settings: ["eventWebhookPublicKey": .string(key)], now: Date(timeIntervalSince1970: 1_588_788_400))
        try adapter.verify(TestMailbox.eventPost(payload, timestamp: "1588788367", signature: signature))

        let tampered = "MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH3j/0="
        #expect(throws: WebhookError.invalidSignature("the X-Twilio-Email-Event-Webhook-Signature header does not match the timestamp and body for the configured verification key")) {
            try adapter.verify(TestMailbox.eventPost(payload, timestamp: "1588788367", signature: tampered))
        }
        #expect(throws: WebhookError.self) { try adapter.verify(TestMailbox.eventPost("payload", timestamp: "1588788367", signature: signature)) }
    }

    @Test func aSignatureByAnotherKeyIsRefused() throws {
        let other = P256.Signing.PrivateKey()
        let request = TestMailbox.eventPost(Self.batch, signature: TestMailbox.sign(Self.batch, timestamp: "1748925800", key: other))
        let error = try #require(throws: WebhookError.self) { try TestMailbox.adapter().verify(request) }
        #expect(error.status == 401)
        #expect(error.code == "invalid_signature")
    }

    @Test func aChangedBodyOrTimestampIsRefused() throws {
        let adapter = try TestMailbox.adapter()
        var request = TestMailbox.eventPost(Self.batch)
        request.body = Data(Self.batch.replacingOccurrences(of: "delivered", with: "bounce").utf8)
        #expect(throws: WebhookError.self) { try adapter.verify(request) }
        var shifted = TestMailbox.eventPost(Self.batch)
        shifted.headers["X-Twilio-Email-Event-Webhook-Timestamp"] = "1748925801"
        let error = try #require(throws: WebhookError.self) { try adapter.verify(shifted) }
        #expect(error.code == "invalid_signature")
    }

    @Test(arguments: [("", "1748925800", "Signature"), ("x", "", "Timestamp")])
    func aMissingHeaderIs401(signature: String, timestamp: String, header: String) throws {
        var request = TestMailbox.eventPost(Self.batch, timestamp: "1748925800")
        if signature.isEmpty { request.headers["X-Twilio-Email-Event-Webhook-Signature"] = nil }
        if timestamp.isEmpty { request.headers["X-Twilio-Email-Event-Webhook-Timestamp"] = nil }
        let error = try #require(throws: WebhookError.self) { try TestMailbox.adapter().verify(request) }
        #expect(error.status == 401)
        #expect(error.code == "missing_signature")
        #expect(error.message.contains(header))
    }

    @Test func garbageSignaturesAndTimestampsAreInvalid() throws {
        let adapter = try TestMailbox.adapter()
        for signature in ["not base64!", "AAAA", Data(repeating: 7, count: 64).base64EncodedString()] {
            let error = try #require(throws: WebhookError.self) { try adapter.verify(TestMailbox.eventPost(Self.batch, signature: signature)) }
            #expect(error.code == "invalid_signature")
        }
        let error = try #require(throws: WebhookError.self) {
            try adapter.verify(TestMailbox.eventPost(Self.batch, timestamp: "yesterday", signature: "MEUCIQ=="))
        }
        #expect(error.code == "invalid_signature")
    }

    @Test func aStaleOrFutureTimestampIsRefused() throws {
        let adapter = try TestMailbox.adapter()
        let stale = String(Int(TestMailbox.now.timeIntervalSince1970) - 601)
        let error = try #require(throws: WebhookError.self) { try adapter.verify(TestMailbox.eventPost(Self.batch, timestamp: stale)) }
        #expect(error.status == 401)
        #expect(error.code == "stale_signature")
        let future = String(Int(TestMailbox.now.timeIntervalSince1970) + 601)
        #expect(throws: WebhookError.self) { try adapter.verify(TestMailbox.eventPost(Self.batch, timestamp: future)) }
        try adapter.verify(TestMailbox.eventPost(Self.batch, timestamp: String(Int(TestMailbox.now.timeIntervalSince1970) - 600)))
    }

    @Test func theAgeCheckCanBeWidenedOrSwitchedOff() throws {
        let old = TestMailbox.eventPost(Self.batch, timestamp: "1748900000")
        try TestMailbox.adapter(settings: ["eventMaxAgeSeconds": .number(0)]).verify(old)
        try TestMailbox.adapter(settings: ["eventMaxAgeSeconds": .number(86_400)]).verify(old)
        #expect(throws: WebhookError.self) { try TestMailbox.adapter(settings: ["eventMaxAgeSeconds": .number(60)]).verify(old) }
    }

    @Test func eventsWithoutAConfiguredKeyAre403() throws {
        let adapter = try TestMailbox.adapter(settings: ["eventWebhookPublicKey": nil])
        let error = try #require(throws: WebhookError.self) { try adapter.verify(TestMailbox.eventPost(Self.batch)) }
        #expect(error.status == 403)
        #expect(error.code == "events_not_configured")
    }

    @Test func theEventsPathAlwaysNeedsASignature() throws {
        var request = TestMailbox.eventPost(Self.batch, signature: "")
        request.subpath = "/events/"
        #expect(throws: WebhookError.self) { try TestMailbox.adapter().verify(request) }
    }

    // MARK: Events

    @Test(arguments: ["Bounced Address", "Invalid", "Unsubscribed Address", "Spam Reporting Address"])
    func droppedForABadAddressMakesItUnreachable(reason: String) throws {
        let events = try Self.events(#"[{"email":"Jane.Doe@Gmail.com","event":"dropped","reason":"\#(reason)","sg_event_id":"ZHJvcA","sg_message_id":"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0","smtp-id":"<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>","timestamp":1600112492}]"#)
        #expect(events == [
            .receipt(DeliveryReceipt(providerMessageID: "LRzXl_NHStOGhQ4kofSm_A", status: .failed, timestamp: Date(timeIntervalSince1970: 1_600_112_492), errorCode: "dropped", errorDescription: reason)),
            .unreachable(address: "jane.doe@gmail.com", reason: "SendGrid dropped the email: \(reason)"),
        ])
    }

    @Test func droppedForOtherReasonsOnlyFails() throws {
        let events = try Self.events(#"[{"email":"jane.doe@gmail.com","event":"dropped","reason":"Invalid SMTPAPI header","sg_message_id":"abc.def","timestamp":1748925790}]"#)
        #expect(events == [.receipt(DeliveryReceipt(providerMessageID: "abc", status: .failed, timestamp: Date(timeIntervalSince1970: 1_748_925_790), errorCode: "dropped", errorDescription: "Invalid SMTPAPI header"))])
    }

    @Test func aBlockedBounceFailsWithoutMakingTheAddressUnreachable() throws {
        let events = try Self.events(#"[{"bounce_classification":"Reputation","email":"jane.doe@gmail.com","event":"bounce","reason":"421 4.7.0 Try again later","sg_message_id":"abc.def","status":"4.7.0","timestamp":1748925790,"type":"blocked"}]"#)
        #expect(events == [.receipt(DeliveryReceipt(providerMessageID: "abc", status: .failed, timestamp: Date(timeIntervalSince1970: 1_748_925_790), errorCode: "blocked", errorDescription: "4.7.0 421 4.7.0 Try again later"))])
        let invalid = try Self.events(#"[{"bounce_classification":"Invalid Address","email":"x@nowhere.example","event":"bounce","reason":"unable to get mx info","sg_message_id":"abc.def","timestamp":1748925790,"type":"blocked"}]"#)
        #expect(invalid.count == 2)
        #expect(invalid.last == .unreachable(address: "x@nowhere.example", reason: "the email bounced: unable to get mx info"))
    }

    @Test func spamReportsAndUnsubscribesMakeTheAddressUnreachable() throws {
        let events = try Self.events("""
        [{"email":"a@example.com","event":"spamreport","sg_message_id":"m1.x","timestamp":1748925790},
         {"email":"b@example.com","event":"unsubscribe","sg_message_id":"m2.x","timestamp":1748925790},
         {"asm_group_id":10,"email":"c@example.com","event":"group_unsubscribe","sg_message_id":"m3.x","timestamp":1748925790}]
        """)
        #expect(events == [
            .unreachable(address: "a@example.com", reason: "the recipient reported an email as spam"),
            .unreachable(address: "b@example.com", reason: "the recipient unsubscribed"),
            .unreachable(address: "c@example.com", reason: "the recipient unsubscribed from an unsubscribe group"),
        ])
    }

    @Test func clicksAreReadsMachineOpensAndDeferralsAreIgnored() throws {
        let events = try Self.events("""
        [{"email":"a@example.com","event":"click","sg_message_id":"m1.x","timestamp":1748925790,"url":"https://bakery.example/menu"},
         {"email":"a@example.com","event":"open","sg_machine_open":true,"sg_message_id":"m1.x","timestamp":1748925790},
         {"attempt":"5","email":"a@example.com","event":"deferred","response":"400 try again later","sg_message_id":"m1.x","timestamp":1748925790},
         {"email":"a@example.com","event":"group_resubscribe","sg_message_id":"m1.x","timestamp":1748925790}]
        """)
        #expect(events.first == .receipt(DeliveryReceipt(providerMessageID: "m1", status: .read, timestamp: Date(timeIntervalSince1970: 1_748_925_790))))
        #expect(events.dropFirst().allSatisfy { if case .ignored = $0 { true } else { false } })
        #expect(events.count == 4)
    }

    @Test func eventsOfAnotherChannelAreIgnored() throws {
        let events = try Self.events(#"[{"email":"a@example.com","event":"spamreport","sg_message_id":"m1.x","timestamp":1748925790,"gateway_channel_id":"florist-email"}]"#)
        #expect(try onlyIgnoredReason(events).contains("another channel"))
    }

    @Test func anEventWithoutIdOrAddressIsIgnored() throws {
        let events = try Self.events(#"[{"event":"delivered","timestamp":1748925790},{"event":"spamreport"}]"#)
        #expect(events.count == 2)
        #expect(events.allSatisfy { if case .ignored = $0 { true } else { false } })
    }

    @Test(arguments: ["", "{}", "{\"event\":\"delivered\"}", "[1, 2]", "not json", String(repeating: "[", count: 100)])
    func aBodyThatIsNotAnArrayOfEventsIs400(body: String) throws {
        let error = try #require(throws: WebhookError.self) { try Self.events(body) }
        #expect(error.status == 400)
    }
}
