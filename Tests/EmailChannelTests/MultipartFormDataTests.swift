import ChannelKit
import EmailChannel
import Foundation
import Testing

@Suite struct MultipartFormDataTests {
    static func parse(_ raw: String, boundary: String = "xYzZY") throws(WebhookError) -> [FormDataPart] {
        try MultipartFormData.parse(Data(raw.utf8), boundary: boundary)
    }

    @Test func readsFieldsAndFilesByteForByte() throws {
        let binary: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0x0D, 0x0A, 0x2D, 0x2D]
        let body = multipartBody([
            .text("to", "help@reply.bakery.example"),
            .text("subject", "Order 1234"),
            .file("attachment1", filename: "logo.png", type: "image/png", binary),
            .text("empty", ""),
        ])
        let parts = try MultipartFormData.parse(body, boundary: "xYzZY")
        #expect(parts.map(\.name) == ["to", "subject", "attachment1", "empty"])
        #expect(parts[0].text() == "help@reply.bakery.example")
        #expect(parts[2].filename == "logo.png")
        #expect(parts[2].contentType?.value == "image/png")
        #expect(parts[2].body == binary)
        #expect(parts[3].body.isEmpty)
    }

    @Test func keepsLineBreaksInsideValuesAndIgnoresPreambleAndEpilogue() throws {
        let raw = "This is a preamble.\r\n--xYzZY\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nLine one\r\n\r\nLine three\r\n\r\n--xYzZY--\r\nepilogue"
        let parts = try Self.parse(raw)
        #expect(parts.count == 1)
        #expect(parts[0].text() == "Line one\r\n\r\nLine three\r\n")
    }

    @Test func readsQuotedBoundariesAndParameters() throws {
        #expect(MultipartFormData.boundary(contentType: "multipart/form-data; boundary=xYzZY") == "xYzZY")
        #expect(MultipartFormData.boundary(contentType: "Multipart/Form-Data; charset=utf-8; boundary=\"----=_Part 1\"") == "----=_Part 1")
        #expect(MultipartFormData.boundary(contentType: "multipart/form-data") == nil)
        #expect(MultipartFormData.boundary(contentType: "application/x-www-form-urlencoded") == nil)
        #expect(MultipartFormData.boundary(contentType: "multipart/form-data; boundary=\(String(repeating: "a", count: 71))") == nil)

        let raw = "--b\r\nContent-Disposition: form-data; name=\"attachment1\"; filename=\"Angebot \\\"Juni\\\"; final.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF\r\n--b--"
        let part = try #require(try Self.parse(raw, boundary: "b").first)
        #expect(part.filename == "Angebot \"Juni\"; final.pdf")
    }

    @Test func decodesRFC2231FileNamesAndUTF8HeaderBytes() throws {
        let raw = "--b\r\nContent-Disposition: form-data; name=\"attachment1\"; filename*=utf-8''na%C3%AFve%20plan.pdf\r\n\r\nx\r\n"
            + "--b\r\nContent-Disposition: form-data; name=\"attachment2\"; filename=\"Grüße.txt\"\r\n\r\ny\r\n--b--\r\n"
        let parts = try Self.parse(raw, boundary: "b")
        #expect(parts.map(\.filename) == ["naïve plan.pdf", "Grüße.txt"])
    }

    @Test func toleratesBareLineFeedsAndTransportPadding() throws {
        let raw = "--xYzZY  \nContent-Disposition: form-data; name=\"from\"\n\nJane <jane@example.com>\n--xYzZY--\n"
        let parts = try Self.parse(raw)
        #expect(parts.count == 1)
        #expect(parts[0].text() == "Jane <jane@example.com>")
    }

    @Test func decodesAFieldInTheCharsetItIsGiven() throws {
        let body = multipartBody([.bytes("text", [0x47, 0x72, 0xFC, 0xDF, 0x65, 0x20, 0x80])])
        let part = try #require(try MultipartFormData.parse(body, boundary: "xYzZY").first)
        #expect(part.text(charset: "windows-1252") == "Grüße €")
        #expect(part.text(charset: "ISO-8859-1") == "Grüße \u{80}")
    }

    @Test(arguments: [
        ("Content-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n--xYzZY--", "has no parts"),
        ("--xYzZY--\r\n", "has no parts"),
        ("--xYzZY\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue\r\n", "ends without its closing boundary"),
        ("--xYzZY\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue", "ends without its closing boundary"),
        ("--xYzZY\r\nContent-Type: text/plain\r\n\r\nvalue\r\n--xYzZY--", "no Content-Disposition: form-data with a name"),
        ("--xYzZY\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nvalue\r\n--xYzZY--", "no Content-Disposition: form-data with a name"),
        ("--xYzZY\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nvalue\r\n--xYzZY--", "no Content-Disposition: form-data with a name"),
        ("--xYzZY\r\nContent-Disposition: form-data; name=\"a\"\r\n--xYzZY--", "no blank line after its headers"),
        ("--xYzZYjunk\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--xYzZY--", "followed by other text"),
        ("", "does not start with its boundary"),
    ])
    func refusesMalformedBodiesWithTheReason(raw: String, reason: String) throws {
        let error = try #require(throws: WebhookError.self) { try Self.parse(raw) }
        #expect(error.status == 400)
        #expect(error.code == "malformed_payload")
        #expect(error.message.contains(reason))
    }

    @Test func limitsThePartCount() throws {
        let fields = (0..<6).map { FormField.text("f\($0)", "v") }
        let error = try #require(throws: WebhookError.self) {
            try MultipartFormData.parse(multipartBody(fields), boundary: "xYzZY", maxParts: 5)
        }
        #expect(error.status == 400)
        #expect(error.message.contains("more than 5 parts"))
        #expect(try MultipartFormData.parse(multipartBody(fields), boundary: "xYzZY", maxParts: 6).count == 6)
    }

    @Test func limitsThePartHeaderSize() throws {
        let raw = "--xYzZY\r\nContent-Disposition: form-data; name=\"a\"\r\nX-Padding: \(String(repeating: "p", count: 20_000))\r\n\r\nv\r\n--xYzZY--"
        let error = try #require(throws: WebhookError.self) { try Self.parse(raw) }
        #expect(error.message.contains("bytes of headers"))
    }
}
