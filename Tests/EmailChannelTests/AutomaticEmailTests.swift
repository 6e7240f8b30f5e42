import ChannelKit
import EmailChannel
import Foundation
import Testing

/// Auto-replies, bounces, reports and list mail are acknowledged and ignored, never answered.
@Suite struct AutomaticEmailTests {
    static func reason(headers extra: [String] = [], from: String = "Jane Doe <jane.doe@gmail.com>", subject: String = "Gluten-free bread?",
                       envelope: String = #"{"to":["help@reply.bakery.example"],"from":"jane.doe@gmail.com"}"#) throws -> String {
        let headers = InboundFixtures.headerBlock(subject: subject, from: from, extra: extra)
        return try onlyIgnoredReason(TestMailbox.adapter().parse(TestMailbox.inboundPost(
            InboundFixtures.parsedPost(headers: headers, from: from, subject: subject, envelope: envelope)
        )))
    }

    @Test(arguments: [
        (["Auto-Submitted: auto-replied"], "Auto-Submitted"),
        (["Auto-Submitted: auto-generated; owner-email=\"x@example.com\""], "Auto-Submitted"),
        (["Precedence: bulk"], "Precedence: bulk"),
        (["Precedence: Junk"], "Precedence: junk"),
        (["Precedence: list", "List-Id: <bakers.lists.example>"], "Precedence: list"),
        (["Precedence: auto_reply"], "Precedence: auto_reply"),
        (["X-Autoreply: yes"], "X-Autoreply"),
        (["X-Autorespond: Vacation"], "X-Autorespond"),
    ])
    func headersMarkAutomaticMail(headers: [String], mention: String) throws {
        #expect(try Self.reason(headers: headers).contains(mention))
    }

    @Test func autoSubmittedNoIsAPerson() throws {
        let headers = InboundFixtures.headerBlock(extra: ["Auto-Submitted: no"])
        _ = try onlyMessage(TestMailbox.adapter().parse(TestMailbox.inboundPost(InboundFixtures.parsedPost(headers: headers))))
    }

    @Test(arguments: [
        "MAILER-DAEMON@mx.example.com", "Mail Delivery System <mailer-daemon@googlemail.com>", "postmaster@outlook.com",
        "Shop <noreply@shop.example>", "no-reply@accounts.example", "Notifications <noreply-notifications@example.com>",
    ])
    func automaticSendersAreIgnored(from: String) throws {
        #expect(try Self.reason(from: from).contains("does not take replies"))
    }

    @Test func theNullEnvelopeSenderIsABounce() throws {
        #expect(try Self.reason(envelope: #"{"to":["help@reply.bakery.example"],"from":""}"#).contains("null envelope sender"))
        #expect(try Self.reason(envelope: #"{"to":["help@reply.bakery.example"],"from":null}"#).contains("null envelope sender"))
    }

    @Test(arguments: ["Automatic reply: Gluten-free bread?", "Undeliverable: Re: Your order", "Out of Office: back on Monday",
                      "Abwesenheitsnotiz: Bestellung", "Delivery Status Notification (Failure)"])
    func automaticSubjectsAreIgnored(subject: String) throws {
        #expect(try Self.reason(subject: subject).contains("subject starts like an automatic email"))
    }

    @Test func mailFromTheChannelsOwnAddressIsALoop() throws {
        #expect(try Self.reason(from: "Bella's Bakery <HELP@bakery.example>").contains("own address"))
    }

    @Test func aDeliveryStatusReportIsIgnored() throws {
        let report = crlf("""
        Return-Path: <>
        From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
        To: help@reply.bakery.example
        Subject: Delivery Status Notification (Failure)
        Message-ID: <dsn-1@mx.google.com>
        Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"

        --dsn
        Content-Type: text/plain; charset=UTF-8

        Address not found
        --dsn
        Content-Type: message/delivery-status

        Reporting-MTA: dns; googlemail.com
        Final-Recipient: rfc822; nobody@example.com
        Action: failed
        Status: 5.1.1
        --dsn--
        """)
        let reason = try onlyIgnoredReason(TestMailbox.adapter().parse(TestMailbox.inboundPost(
            InboundFixtures.rawPost(report, envelope: #"{"to":["help@reply.bakery.example"],"from":"jane.doe@gmail.com"}"#)
        )))
        #expect(reason.contains("multipart/report"))
    }

    @Test func aReadReceiptIsIgnored() throws {
        let receipt = crlf("""
        From: jane.doe@gmail.com
        Subject: Read: Your order
        Message-ID: <mdn-1@example.com>
        Content-Type: multipart/report; report-type=disposition-notification; boundary="mdn"

        --mdn
        Content-Type: text/plain

        Your message was read.
        --mdn--
        """)
        let reason = try onlyIgnoredReason(TestMailbox.adapter().parse(TestMailbox.inboundPost(InboundFixtures.rawPost(receipt))))
        #expect(reason.contains("report"))
    }

    @Test func aReturnPathOfNullMarksABounceInRawMode() throws {
        let bounce = crlf("""
        Return-Path: <>
        From: jane.doe@gmail.com
        Subject: Hello
        Message-ID: <b-1@example.com>
        Content-Type: text/plain

        Hi
        """)
        let fields = InboundFixtures.rawPost(bounce).filter { $0.name != "envelope" }
        let reason = try onlyIgnoredReason(TestMailbox.adapter().parse(TestMailbox.inboundPost(fields)))
        #expect(reason.contains("null envelope sender"))
    }
}
