import Foundation

/// Inbound Parse posts shaped as SendGrid sends them: the field names, order and JSON fields of
/// its default ("parsed") mode and of its raw mode ("POST the raw, full MIME message").
enum InboundFixtures {
    static let parseAddress = "help@reply.bakery.example"

    /// The raw header block of a Gmail message, as in the `headers` field (CRLF line ends, folding kept).
    static func headerBlock(
        messageID: String = "<CAF=k2X9mA0q1@mail.gmail.com>",
        subject: String = "Gluten-free bread?",
        from: String = "Jane Doe <jane.doe@gmail.com>",
        extra: [String] = []
    ) -> String {
        let lines = [
            "Received: by mx0047p1mdw1.sendgrid.net with SMTP id 2nLrs9SOvb Tue, 03 Jun 2025 04:43:24 +0000 (UTC)",
            "Received: from mail-wm1-f42.google.com (mail-wm1-f42.google.com [209.85.128.42]) by mx0047p1mdw1.sendgrid.net (Postfix)",
            "\twith ESMTPS id 7C2E0A0105 for <\(parseAddress)>; Tue,  3 Jun 2025 04:43:24 +0000 (UTC)",
            "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;",
            "        d=gmail.com; s=20230601; t=1748925782; x=1749530582; darn=reply.bakery.example;",
            "        h=to:subject:message-id:date:from:mime-version:from:to:cc:subject",
            "MIME-Version: 1.0",
            "From: \(from)",
            "Date: Tue, 3 Jun 2025 05:42:51 +0100",
            "Message-ID: \(messageID)",
            "Subject: \(subject)",
            "To: \(parseAddress)",
            "Content-Type: multipart/alternative; boundary=\"000000000000a1b2c3063698fd1e\"",
        ] + extra
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A post in the default mode, fields in SendGrid's order.
    static func parsedPost(
        headers: String = headerBlock(),
        from: String = "Jane Doe <jane.doe@gmail.com>",
        subject: String = "Gluten-free bread?",
        text: [UInt8]? = Array("Do you have gluten-free bread on Saturdays?\r\n".utf8),
        html: [UInt8]? = nil,
        charsets: String = #"{"to":"UTF-8","from":"UTF-8","subject":"UTF-8","text":"UTF-8"}"#,
        envelope: String = #"{"to":["help@reply.bakery.example"],"from":"jane.doe@gmail.com"}"#,
        files: [FormField] = [],
        attachmentInfo: String? = nil
    ) -> [FormField] {
        var fields: [FormField] = [
            .text("headers", headers),
            .text("dkim", "{@gmail.com : pass}"),
            .text("content-ids", "{}"),
            .text("to", parseAddress),
            .text("from", from),
        ]
        if let html { fields.append(.bytes("html", html)) }
        if let text { fields.append(.bytes("text", text)) }
        fields += [
            .text("sender_ip", "209.85.128.42"),
            .text("spam_report", "Spam detection software, running on the system \"parsley-p1las1-spamassassin\", has NOT identified this incoming email as spam."),
            .text("envelope", envelope),
            .text("attachments", String(files.count)),
            .text("subject", subject),
            .text("spam_score", "0.011"),
        ]
        if let attachmentInfo { fields.append(.text("attachment-info", attachmentInfo)) }
        fields += [.text("charsets", charsets), .text("SPF", "pass")]
        return fields + files
    }

    /// A post in raw mode: the whole message in `email`.
    static func rawPost(_ mime: String, envelope: String = #"{"to":["help@reply.bakery.example"],"from":"jane.doe@gmail.com"}"#) -> [FormField] {
        rawPost(bytes: Array(mime.utf8), envelope: envelope)
    }

    static func rawPost(bytes: [UInt8], envelope: String = #"{"to":["help@reply.bakery.example"],"from":"jane.doe@gmail.com"}"#) -> [FormField] {
        [
            .text("dkim", "{@gmail.com : pass}"),
            .bytes("email", bytes),
            .text("to", parseAddress),
            .text("from", "Jane Doe <jane.doe@gmail.com>"),
            .text("sender_ip", "209.85.128.42"),
            .text("envelope", envelope),
            .text("subject", "(see the message)"),
            .text("spam_score", "0.011"),
            .text("charsets", #"{"to":"UTF-8","from":"UTF-8","subject":"UTF-8"}"#),
            .text("SPF", "pass"),
        ]
    }
}
