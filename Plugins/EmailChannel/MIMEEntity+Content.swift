import Foundation

extension MIMEEntity {
    /// MIME types of signatures that come with signed mail; they are neither text nor attachments.
    static let signatureTypes: Set<String> = [
        "application/pgp-signature", "application/pkcs7-signature", "application/x-pkcs7-signature",
    ]

    /// The message's bodies and attachments.
    ///
    /// In `multipart/alternative` the plain-text and the HTML alternatives are both taken (the
    /// last of each, the most faithful by RFC 2046); in other multiparts (`mixed`, `related`,
    /// `signed`, `report`) inline text parts are joined in order, as Apple Mail splits text around
    /// inline images. A part is an attachment when its disposition says so, when it has a file
    /// name, or when it is neither `text/plain` nor `text/html`.
    public var content: MailContent {
        var content = MailContent(isReport: contentType.value == "multipart/report")
        collect(into: &content)
        return content
    }

    private func collect(into content: inout MailContent) {
        if isMultipart {
            if contentType.value == "multipart/alternative" {
                collectAlternatives(into: &content)
            } else {
                for part in parts { part.collect(into: &content) }
            }
            return
        }
        let type = contentType.value
        if Self.signatureTypes.contains(type) { return }
        let isAttachment = disposition?.value == "attachment" || filename != nil
            || !(type == "text/plain" || type == "text/html")
        if isAttachment {
            content.attachments.append(EmailAttachment(
                filename: filename, contentType: type, size: decodedBody.count, contentID: contentID
            ))
        } else if type == "text/html" {
            content.html = [content.html, text].compactMap { $0 }.joined(separator: "\n")
        } else {
            content.text = [content.text, plainText].compactMap { $0 }.joined(separator: "\n")
        }
    }

    private func collectAlternatives(into content: inout MailContent) {
        var text: String?
        var html: String?
        for part in parts {
            var alternative = MailContent()
            part.collect(into: &alternative)
            text = alternative.text ?? text
            html = alternative.html ?? html
            content.attachments += alternative.attachments
        }
        if let text { content.text = [content.text, text].compactMap { $0 }.joined(separator: "\n") }
        if let html { content.html = [content.html, html].compactMap { $0 }.joined(separator: "\n") }
    }

    /// A `text/plain` body as text, `format=flowed` (RFC 3676) lines rejoined.
    var plainText: String {
        let body = text
        guard contentType[parameter: "format"]?.lowercased() == "flowed" else { return body }
        return FlowedText.unflow(body, deleteSpace: contentType[parameter: "delsp"]?.lowercased() == "yes")
    }
}
