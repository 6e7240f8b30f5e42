import ChannelKit
import EmailChannel
import Foundation
import Testing

/// Inbound Parse in raw mode: the message is read from its MIME source.
@Suite struct RawMIMETests {
    static func message(_ mime: String) throws -> InboundMessage {
        try onlyMessage(TestMailbox.adapter().parse(TestMailbox.inboundPost(InboundFixtures.rawPost(crlf(mime)))))
    }

    @Test func readsAGmailReplyWithQuotedPrintableAlternatives() throws {
        let message = try Self.message("""
        Return-Path: <jane.doe@gmail.com>
        MIME-Version: 1.0
        References: <CAF=k2X9mA0q1@mail.gmail.com> <0100019740b3c5d2-help@bakery.example>
        In-Reply-To: <0100019740b3c5d2-help@bakery.example>
        From: Jane Doe <jane.doe@gmail.com>
        Date: Tue, 3 Jun 2025 05:42:51 +0100
        Message-ID: <CAF=k2X9mB7r2@mail.gmail.com>
        Subject: Re: Gluten-free bread?
        To: Bella's Bakery <help@reply.bakery.example>
        Content-Type: multipart/alternative; boundary="000000000000a1b2c3063698fd1e"

        --000000000000a1b2c3063698fd1e
        Content-Type: text/plain; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        Great, I'll take two loaves =E2=80=93 can I pick them up at 9=3D30? This line i=
        s soft-broken.

        On Mon, Jun 2, 2025 at 6:10 PM Bella's Bakery <help@bakery.example> wrote:
        > Yes, every Saturday from 8 am.
        >

        --000000000000a1b2c3063698fd1e
        Content-Type: text/html; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        <div dir=3D"ltr">Great, I&#39;ll take two loaves</div>
        --000000000000a1b2c3063698fd1e--
        """)
        #expect(message.text == "Great, I'll take two loaves – can I pick them up at 9=30? This line is soft-broken.")
        #expect(message.providerMessageID == "CAF=k2X9mB7r2@mail.gmail.com")
        #expect(message.threadKey == "CAF=k2X9mA0q1@mail.gmail.com")
        #expect(message.sender == Participant(channelUserID: "jane.doe@gmail.com", displayName: "Jane Doe", email: "jane.doe@gmail.com"))
        #expect(message.timestamp == Date(timeIntervalSince1970: 1_748_925_771))
        #expect(message.metadata[EmailMetadataKey.subject] == "Re: Gluten-free bread?")
        #expect(message.metadata[EmailMetadataKey.references]
            == "<CAF=k2X9mA0q1@mail.gmail.com> <0100019740b3c5d2-help@bakery.example> <CAF=k2X9mB7r2@mail.gmail.com>")
    }

    @Test func readsBase64Latin1AndAnEncodedWordSubject() throws {
        let body = Data("Guten Tag,\r\nhaben Sie Brötchen für Samstag?\r\nGrüße\r\n".data(using: .isoLatin1) ?? Data()).base64EncodedString()
        let message = try Self.message("""
        From: =?ISO-8859-1?Q?J=F6rg_M=FCller?= <joerg@example.de>
        Subject: =?UTF-8?B?QnLDtnRjaGVuIGbDvHIgU2Ftc3RhZz8=?=
        Message-ID: <20250603054251.GA1@example.de>
        Content-Type: text/plain; charset=ISO-8859-1
        Content-Transfer-Encoding: base64

        \(body)
        """)
        #expect(message.sender.displayName == "Jörg Müller")
        #expect(message.metadata[EmailMetadataKey.subject] == "Brötchen für Samstag?")
        // A message that starts a thread has its subject as first paragraph.
        #expect(message.text == "Brötchen für Samstag?\n\nGuten Tag,\nhaben Sie Brötchen für Samstag?\nGrüße")
    }

    @Test func readsWindows1252QuotedPrintable() throws {
        let message = try Self.message("""
        From: jane.doe@gmail.com
        Subject: Price
        Message-ID: <w1252@example.com>
        In-Reply-To: <root@example.com>
        Content-Type: text/plain; charset="windows-1252"
        Content-Transfer-Encoding: quoted-printable

        Is the =93family cake=94 still =8020? Na=EFve question =96 sorry=85
        """)
        #expect(message.text == "Is the “family cake” still €20? Naïve question – sorry…")
    }

    @Test func readsEightBitTextThatIsNotWhatItDeclares() throws {
        var mime = Array(crlf("""
        From: jane.doe@gmail.com
        Subject: Mislabelled
        Message-ID: <mislabelled@example.com>
        In-Reply-To: <root@example.com>
        Content-Type: text/plain; charset=us-ascii
        Content-Transfer-Encoding: 8bit


        """).utf8)
        mime += Array("Crème brûlée?".utf8)
        let message = try onlyMessage(TestMailbox.adapter().parse(TestMailbox.inboundPost(InboundFixtures.rawPost(bytes: mime))))
        #expect(message.text == "Crème brûlée?")
    }

    @Test func readsAnHTMLOnlyMessage() throws {
        let message = try Self.message("""
        From: "Doe, Jane" <jane.doe@outlook.com>
        Subject: RE: Catering
        Message-ID: <DB9PR07MB1234@DB9PR07MB1234.eurprd07.prod.outlook.com>
        References: <catering-1@bakery.example>
        Content-Type: text/html; charset="utf-8"
        Content-Transfer-Encoding: base64

        \(Data("""
        <html><head><style>p { margin: 0 }</style><title>x</title></head><body>
        <p>Hi,</p><p>We are <b>25&nbsp;people</b> &amp; need:</p>
        <ul><li>2 cakes</li><li>1 tray of croissants</li></ul>
        <p>Thanks,<br>Jane</p>
        <div id="divRplyFwdMsg"><hr><b>From:</b> Bella's Bakery &lt;help@bakery.example&gt;<br><b>Sent:</b> Monday, June 2, 2025 6:10 PM<br><b>To:</b> Jane Doe<br><b>Subject:</b> Catering</div>
        <div>How many people will you be?</div>
        </body></html>
        """.utf8).base64EncodedString(options: .lineLength76Characters))
        """)
        #expect(message.text == "Hi,\n\nWe are 25 people & need:\n\n- 2 cakes\n- 1 tray of croissants\n\nThanks,\nJane")
        #expect(message.sender.displayName == "Doe, Jane")
        #expect(message.threadKey == "catering-1@bakery.example")
    }

    @Test func readsNestedMultipartsAttachmentsAndSkipsInlineLogos() throws {
        let pdf = Data("%PDF-1.4 fake".utf8).base64EncodedString()
        let message = try Self.message("""
        From: jane.doe@gmail.com
        Subject: Invoice
        Message-ID: <nested@example.com>
        In-Reply-To: <root@example.com>
        Content-Type: multipart/mixed; boundary="outer"

        This is a multi-part message in MIME format.
        --outer
        Content-Type: multipart/alternative; boundary="inner"

        --inner
        Content-Type: text/plain; charset=utf-8; format=flowed

        Here is the invoice you asked for. It is attached as a PDF and it has all the 
        items of last month.

        --inner
        Content-Type: multipart/related; boundary="related"

        --related
        Content-Type: text/html; charset=utf-8

        <p>Here is the invoice.</p><img src="cid:logo@example.com">
        --related
        Content-Type: image/png
        Content-ID: <logo@example.com>
        Content-Disposition: inline
        Content-Transfer-Encoding: base64

        iVBORw0KGgo=
        --related--
        --inner--

        --outer
        Content-Type: application/pdf; name="=?UTF-8?Q?Rechnung_M=C3=A4rz.pdf?="
        Content-Disposition: attachment; filename="=?UTF-8?Q?Rechnung_M=C3=A4rz.pdf?="
        Content-Transfer-Encoding: base64

        \(pdf)
        --outer
        Content-Type: application/pgp-signature; name="signature.asc"

        -----BEGIN PGP SIGNATURE-----
        --outer--
        """)
        #expect(message.text == "Here is the invoice you asked for. It is attached as a PDF and it has all the items of last month.")
        #expect(message.attachments == [Attachment(kind: .file, mimeType: "application/pdf", filename: "Rechnung März.pdf")])
        #expect(message.metadata[EmailMetadataKey.attachments] == "Rechnung März.pdf (application/pdf, 13 bytes)")
    }

    @Test func aMultipartWithoutItsClosingBoundaryIsReadToTheEnd() throws {
        let message = try Self.message("""
        From: jane.doe@gmail.com
        Subject: Cut off
        Message-ID: <cut@example.com>
        In-Reply-To: <root@example.com>
        Content-Type: multipart/alternative; boundary="b1"

        --b1
        Content-Type: text/plain; charset=utf-8

        Still readable.
        """)
        #expect(message.text == "Still readable.")
    }

    @Test func anEmailWithoutMessageIDGetsAStableGeneratedID() throws {
        let mime = """
        From: jane.doe@gmail.com
        Subject: No id
        Date: Tue, 3 Jun 2025 05:42:51 +0100
        Content-Type: text/plain

        Hello?
        """
        let first = try Self.message(mime)
        let second = try Self.message(mime)
        #expect(first.providerMessageID.hasPrefix(MessageID.generatedPrefix))
        #expect(first.providerMessageID.count == MessageID.generatedPrefix.count + 40)
        #expect(first.providerMessageID == second.providerMessageID)
        #expect(first.threadKey == first.providerMessageID)
        #expect(first.metadata[EmailMetadataKey.messageID] == nil)
        #expect(try Self.message(mime.replacingOccurrences(of: "Hello?", with: "Hello!")).providerMessageID != first.providerMessageID)
    }
}
