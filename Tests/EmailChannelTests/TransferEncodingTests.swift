import ChannelKit
import EmailChannel
import Foundation
import Testing

@Suite struct TransferEncodingTests {
    @Test(arguments: [
        ("caf=C3=A9 =3D ok", "café = ok"),
        ("soft=\r\nbreak and soft=\nLF", "softbreak and softLF"),
        ("trailing spaces   \r\nnext", "trailing spaces\r\nnext"),
        ("lower =c3=a9 case", "lower é case"),
        ("broken =ZZ and =4", "broken =ZZ and =4"),
        ("ends with =", "ends with "),
        ("=E2=80=93 dash", "– dash"),
    ])
    func decodesQuotedPrintable(encoded: String, decoded: String) {
        #expect(String(decoding: TransferEncoding.quotedPrintable(Array(encoded.utf8)), as: UTF8.self) == decoded)
    }

    @Test func decodesBase64WithLineBreaksAndMissingPadding() {
        #expect(TransferEncoding.base64(Array("SGVs\r\nbG8g\r\nd29y\r\nbGQ".utf8)) == Array("Hello world".utf8))
        #expect(TransferEncoding.base64(Array("SGVsbG8=".utf8)) == Array("Hello".utf8))
        #expect(TransferEncoding.base64(Array("S".utf8)) == nil)
        #expect(TransferEncoding.decode(Array("SGk=".utf8)[...], encoding: " Base64 ") == Array("Hi".utf8))
        #expect(TransferEncoding.decode(Array("as is".utf8)[...], encoding: "8bit") == Array("as is".utf8))
    }

    static let charsetCases: [(bytes: [UInt8], charset: String?, text: String)] = [
        ([0x47, 0x72, 0xFC, 0xDF, 0x65], "iso-8859-1", "Grüße"),
        ([0x47, 0x72, 0xFC, 0xDF, 0x65], "latin1", "Grüße"),
        ([0xA4, 0x20, 0xBD], "ISO-8859-15", "€ œ"),
        ([0x93, 0x80, 0x94, 0x81], "cp1252", "“€”\u{81}"),
        ([0xB1, 0xE6], "iso-8859-2", "ąć"),
        ([0xCF, 0xF0, 0xE8], "windows-1251", "При"),
        ([0xF0, 0xD2, 0xC9], "KOI8-R", "При"),
        ([0xC3, 0xA9], nil, "é"),
        ([0xE9, 0x74, 0xE9], nil, "été"),
        ([0xE9, 0x74, 0xE9], "utf-8", "été"),
        ([0xE9, 0x74, 0xE9], "x-unknown-charset", "été"),
        ([0xC3, 0xA9], "\"UTF8\"", "é"),
    ]

    @Test func decodesCharsetsWithFallbacks() {
        for item in Self.charsetCases {
            #expect(Charset.decode(item.bytes, charset: item.charset) == item.text, "\(item.charset ?? "none")")
        }
    }


    @Test func rejoinsFlowedText() throws {
        let mime = crlf("""
        From: jane.doe@gmail.com
        Subject: Flowed
        Message-ID: <flowed@example.com>
        In-Reply-To: <root@example.com>
        Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes

        This is one long para
        graph.
        Second line.

        > quoted and
        > flowed
        """)
        let message = try onlyMessage(TestMailbox.adapter().parse(TestMailbox.inboundPost(InboundFixtures.rawPost(mime.replacingOccurrences(of: "para\r\n", with: "para \r\n")))))
        #expect(message.text == "This is one long paragraph.\nSecond line.")
    }

    @Test func aLargeAttachmentIsReadQuickly() throws {
        let attachment = [UInt8](repeating: 0x41, count: 4 * 1_048_576)
        let fields = InboundFixtures.parsedPost(files: [.file("attachment1", filename: "scan.tif", type: "image/tiff", attachment)])
        let started = ContinuousClock.now
        let message = try onlyMessage(TestMailbox.adapter().parse(TestMailbox.inboundPost(fields)))
        #expect(ContinuousClock.now - started < .seconds(10))
        #expect(message.metadata[EmailMetadataKey.attachments] == "scan.tif (image/tiff, 4194304 bytes)")

        let base64 = Data(attachment).base64EncodedString(options: .lineLength76Characters)
        let mime = crlf("""
        From: jane.doe@gmail.com
        Subject: Scan
        Message-ID: <scan@example.com>
        Content-Type: multipart/mixed; boundary="b"

        --b
        Content-Type: text/plain

        The scan.
        --b
        Content-Type: image/tiff; name="scan.tif"
        Content-Transfer-Encoding: base64


        """) + base64 + "\r\n--b--\r\n"
        let rawStarted = ContinuousClock.now
        let raw = try onlyMessage(TestMailbox.adapter().parse(TestMailbox.inboundPost(InboundFixtures.rawPost(mime))))
        #expect(ContinuousClock.now - rawStarted < .seconds(20))
        #expect(raw.metadata[EmailMetadataKey.attachments] == "scan.tif (image/tiff, 4194304 bytes)")
    }
}
