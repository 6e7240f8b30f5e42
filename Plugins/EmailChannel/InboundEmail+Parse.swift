import ChannelKit
import Foundation

extension InboundEmail {
    /// The email in an Inbound Parse post: from the raw MIME message when the post has an `email`
    /// field ("POST the raw, full MIME message"), else from the parsed fields.
    public init(formParts parts: [FormDataPart]) {
        var fields: [String: FormDataPart] = [:]
        for part in parts where fields[part.name] == nil {
            fields[part.name] = part
        }
        if let raw = fields["email"] {
            self.init(rawMIME: raw.body, fields: fields)
        } else {
            self.init(parsedFields: fields, files: parts.filter { $0.filename != nil })
        }
    }

    /// Reads Inbound Parse's default mode: `headers` (the raw header block), `from`, `to`,
    /// `subject`, `text`, `html`, each in the charset `charsets` names for it, `envelope`,
    /// `attachment-info`, `content-ids`, and the files (`attachment1`…).
    init(parsedFields fields: [String: FormDataPart], files: [FormDataPart]) {
        let charsets = fields["charsets"].map { SendGridJSON.strings($0.body) } ?? [:]
        func text(_ name: String) -> String? {
            fields[name].map { $0.text(charset: charsets[name]) }
        }
        let headers = fields["headers"].map { MailHeaders(parsing: $0.body) } ?? MailHeaders()
        let html = text("html").flatMap { $0.isEmpty ? nil : $0 }
        self.init(
            headers: headers,
            from: text("from").flatMap(MailAddress.parse) ?? headers["From"].flatMap(MailAddress.parse),
            replyTo: headers["Reply-To"].flatMap(MailAddress.parse),
            to: MailAddress.parseList(text("to") ?? headers["To"] ?? ""),
            subject: Self.subject(text("subject") ?? headers["Subject"]),
            content: MailContent(
                text: text("text").flatMap { $0.isEmpty ? nil : $0 },
                html: html,
                attachments: Self.attachments(files, fields: fields),
                isReport: headers["Content-Type"].map(HeaderValue.init(parsing:))?.value == "multipart/report"
            )
        )
        readEnvelope(fields)
    }

    /// Reads Inbound Parse's raw mode: the whole message from `email`, the envelope and checks
    /// from the other fields.
    init(rawMIME bytes: [UInt8], fields: [String: FormDataPart]) {
        let entity = MIMEEntity(parsing: bytes)
        let headers = entity.headers
        self.init(
            headers: headers,
            from: headers["From"].flatMap(MailAddress.parse),
            replyTo: headers["Reply-To"].flatMap(MailAddress.parse),
            to: MailAddress.parseList(headers["To"] ?? ""),
            subject: Self.subject(headers["Subject"]),
            content: entity.content
        )
        readEnvelope(fields)
        if envelopeFrom == nil, let returnPath = headers["Return-Path"] {
            envelopeFrom = MessageID.ids(in: returnPath).first ?? (returnPath.contains("<>") ? "" : nil)
        }
    }

    /// The subject, encoded-words decoded, on one line.
    private static func subject(_ raw: String?) -> String {
        EncodedWord.decode(raw ?? "")
            .split(whereSeparator: { $0.isNewline || $0 == "\t" })
            .joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
    }

    /// `envelope` (`{"to": ["…"], "from": "…"}`), `spam_score` and `SPF`.
    private mutating func readEnvelope(_ fields: [String: FormDataPart]) {
        if let envelope = fields["envelope"].flatMap({ SendGridJSON.object($0.body) }) {
            switch envelope["from"] {
            case .string(let from)?: envelopeFrom = from.trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
            case .null?: envelopeFrom = ""
            default: break
            }
            if case .array(let recipients)? = envelope["to"] {
                envelopeTo = recipients.compactMap(\.stringValue)
            }
        }
        spamScore = fields["spam_score"].map { $0.text() }.flatMap { $0.isEmpty ? nil : $0 }
        spf = fields["SPF"].map { $0.text() }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The files of a parsed post, named and typed from `attachment-info` where it says, with the
    /// `Content-ID`s `content-ids` maps to them.
    private static func attachments(_ files: [FormDataPart], fields: [String: FormDataPart]) -> [EmailAttachment] {
        let info = fields["attachment-info"].flatMap { SendGridJSON.object($0.body) } ?? [:]
        var contentIDs: [String: String] = [:]
        let mapped: [String: String] = fields["content-ids"].map { SendGridJSON.strings($0.body) } ?? [:]
        for (contentID, name) in mapped {
            contentIDs[name] = contentID
        }
        return files.map { file in
            var details: [String: String] = [:]
            if case .object(let members)? = info[file.name] {
                details = members.compactMapValues(\.stringValue)
            }
            let type = details["type"] ?? file.contentType?.value ?? "application/octet-stream"
            return EmailAttachment(
                filename: details["filename"] ?? details["name"] ?? file.filename,
                contentType: type.lowercased(),
                size: file.body.count,
                contentID: contentIDs[file.name] ?? details["content-id"]
            )
        }
    }
}
