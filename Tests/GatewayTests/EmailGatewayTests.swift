import ChannelKit
import ChannelKitTesting
import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import Brain
@testable import Gateway

/// Email through the whole gateway: SendGrid Inbound Parse posts (multipart, secret in the
/// path) for a thread of three messages, answered through a fake SendGrid v3 API in one
/// conversation with the threading headers mail clients need; an auto-reply gets nothing.
@Suite struct EmailGatewayTests {
    static let inboundSecret = "s3cr3t-path-0123456789abcdef"
    static let boundary = "xYzZY"

    func configuration(sendgrid: FakeProvider) throws -> GatewayConfiguration {
        let json = """
            {"gateway": {"publicURL": "https://gw.example.com", "worker": {"pollIntervalMilliseconds": 50},
                         "dispatcher": {"baseDelayMilliseconds": 20, "maxDelayMilliseconds": 100, "timeoutMilliseconds": 2000, "pollIntervalMilliseconds": 50}},
             "tenants": [{"id": "bakery", "name": "Bella's Bakery",
               "knowledgeBase": [
                 {"id": "hours", "question": "What are your opening hours?", "answer": "Tuesday to Sunday, 7am to 6pm.", "keywords": ["open"]},
                 {"id": "gluten", "question": "Do you have gluten-free bread?", "answer": "Yes, on Wednesdays and Saturdays.", "keywords": ["gluten"]}],
               "channels": [{"id": "bakery-email", "type": "email",
                 "settings": {"fromAddress": "hello@bakery.example.com", "fromName": "Bella's Bakery", "apiBaseURL": "\(sendgrid.url(""))"},
                 "secrets": {"apiKey": "env:SENDGRID_API_KEY", "inboundSecret": "env:SENDGRID_INBOUND_SECRET"}}]}]}
            """
        let environment = ["SENDGRID_API_KEY": "SG.test-key", "SENDGRID_INBOUND_SECRET": Self.inboundSecret]
        return try ConfigurationLoader(environment: environment).parse(Data(json.utf8), file: "test.json")
    }

    /// An Inbound Parse post in SendGrid's default (parsed) mode.
    static func parsePost(messageID: String, references: [String] = [], subject: String, text: String, extraHeaders: String = "") -> String {
        var headers = "Received: by mx0047p1mdw1.sendgrid.net with SMTP id 6WCVv7KAWn Wed, 27 Jul 2016 20:53:06 +0000 (UTC)\r\n"
        headers += "From: Ada Lovelace <ada@example.com>\r\nTo: Bella's Bakery <hello@bakery.example.com>\r\n"
        headers += "Subject: \(subject)\r\nMessage-ID: <\(messageID)>\r\nDate: Wed, 27 Jul 2016 13:53:06 -0700\r\n"
        if let parent = references.last {
            headers += "In-Reply-To: <\(parent)>\r\nReferences: \(references.map { "<\($0)>" }.joined(separator: " "))\r\n"
        }
        headers += extraHeaders + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
        let fields: [(String, String)] = [
            ("headers", headers), ("dkim", "{@example.com : pass}"), ("to", "Bella's Bakery <hello@bakery.example.com>"),
            ("from", "Ada Lovelace <ada@example.com>"), ("text", text), ("sender_ip", "209.85.223.172"),
            ("envelope", #"{"to":["hello@bakery.example.com"],"from":"ada@example.com"}"#), ("attachments", "0"),
            ("subject", subject), ("charsets", #"{"to":"UTF-8","from":"UTF-8","subject":"UTF-8","text":"UTF-8"}"#), ("SPF", "pass"),
        ]
        return fields.map { "--\(boundary)\r\nContent-Disposition: form-data; name=\"\($0.0)\"\r\n\r\n\($0.1)\r\n" }.joined() + "--\(boundary)--\r\n"
    }

    func post(_ body: String, client: some TestClientProtocol, secret: String = inboundSecret) async throws -> TestResponse {
        let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(Self.boundary)"]
        return try await client.execute(uri: "/webhooks/bakery-email/\(secret)", method: .post, headers: headers, body: ByteBuffer(string: body)) { $0 }
    }

    /// The mail-send JSON: subject, headers and first recipient.
    struct Mail {
        var subject: String?
        var headers: [String: String]
        var recipient: String?

        init(_ request: FakeProvider.RecordedRequest) throws {
            let object = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
            subject = object["subject"] as? String
            headers = object["headers"] as? [String: String] ?? [:]
            let personalizations = object["personalizations"] as? [[String: Any]]
            recipient = (personalizations?.first?["to"] as? [[String: Any]])?.first?["email"] as? String
        }
    }

    static func sends(_ sendgrid: FakeProvider) async -> [FakeProvider.RecordedRequest] {
        await sendgrid.requests.filter { $0.path == "/v3/mail/send" }
    }

    @Test func aThreadOfThreeEmailsIsOneConversationWithThreadedReplies() async throws {
        let accepted = FakeProvider.Reply.dynamic { request in
            .status(202, headers: ["X-Message-Id": "sg\(request.receivedAt.timeIntervalSince1970)"])
        }
        try await FakeProvider.withRunning(defaultReply: accepted) { sendgrid in
            let path = temporaryDatabasePath()
            try await withGateway(try configuration(sendgrid: sendgrid), databasePath: path) { client in
                let wrongSecret = try await post(Self.parsePost(messageID: "m1@mail.example.com", subject: "Opening hours", text: "Hi"), client: client, secret: "not-the-secret-at-all-00")
                #expect(wrongSecret.status == .forbidden || wrongSecret.status == .unauthorized)

                // 1: a new thread.
                let first = try await post(Self.parsePost(messageID: "m1@mail.example.com", subject: "Opening hours", text: "Hello,\n\nWhen are you open?\n\nAda\n--\nSent from my iPhone"), client: client)
                #expect(first.status == .ok)
                let reply1 = try #require(try await sendgrid.waitForRequests(count: 1).first)
                #expect(reply1.headers["Authorization"] == "Bearer SG.test-key")
                let mail1 = try Mail(reply1)
                #expect(mail1.subject == "Re: Opening hours")
                #expect(mail1.headers["In-Reply-To"] == "<m1@mail.example.com>")
                #expect(mail1.headers["References"] == "<m1@mail.example.com>")
                #expect(mail1.recipient == "ada@example.com")
                #expect(reply1.bodyText.contains("Tuesday to Sunday"))

                // 2: Ada answers our reply (SendGrid gave it the Message-ID sg1@…), quoting it.
                let second = Self.parsePost(
                    messageID: "m2@mail.example.com", references: ["m1@mail.example.com", "sg1@bakery.example.com"], subject: "Re: Opening hours",
                    text: "Do you have gluten-free bread?\n\nOn Wed, Jul 27, 2016 at 1:53 PM Bella's Bakery <hello@bakery.example.com> wrote:\n> Tuesday to Sunday, 7am to 6pm.\n"
                )
                _ = try await post(second, client: client)
                try await eventually("the second reply") { await Self.sends(sendgrid).count == 2 }
                let mail2 = try Mail(try #require(await Self.sends(sendgrid).last))
                #expect(mail2.subject == "Re: Opening hours")
                #expect(mail2.headers["In-Reply-To"] == "<m2@mail.example.com>")
                #expect(mail2.headers["References"] == "<m1@mail.example.com> <sg1@bakery.example.com> <m2@mail.example.com>")

                // SendGrid retrying the same post produces no second answer.
                _ = try await post(second, client: client)

                // 3: a third message in the thread.
                let third = Self.parsePost(
                    messageID: "m3@mail.example.com", references: ["m1@mail.example.com", "sg1@bakery.example.com", "m2@mail.example.com", "sg2@bakery.example.com"],
                    subject: "Re: Opening hours", text: "Are you open on Sunday morning?\n\n> Yes, on Wednesdays and Saturdays."
                )
                _ = try await post(third, client: client)
                try await eventually("the third reply") { await Self.sends(sendgrid).count == 3 }
                let mail3 = try Mail(try #require(await Self.sends(sendgrid).last))
                #expect(mail3.headers["In-Reply-To"] == "<m3@mail.example.com>")

                // An out-of-office answer to our reply is stored nowhere and answered never.
                let vacation = Self.parsePost(
                    messageID: "ooo@mail.example.com", references: ["m1@mail.example.com", "sg3@bakery.example.com"], subject: "Automatic reply: Re: Opening hours",
                    text: "I am out of the office until Monday.", extraHeaders: "Auto-Submitted: auto-replied\r\n"
                )
                #expect(try await post(vacation, client: client).status == .ok)

                let store = try await openStore(path)
                try await eventually("every reply is sent") { try await store.outboxCounts() == ["sent": 3] }
                try await Task.sleep(for: .milliseconds(200))
                #expect(await Self.sends(sendgrid).count == 3)
                let conversations = try await store.conversations(tenantID: "bakery")
                #expect(conversations.count == 1)
                let messages = try await store.messages(tenantID: "bakery", conversationID: try #require(conversations.first).id)
                let inbound = messages.filter { $0.direction == .inbound }.map(\.text)
                #expect(inbound.count == 3)
                // The assistant read only what Ada wrote now: no quotes, no signature.
                #expect(inbound.allSatisfy { !$0.contains(">") && !$0.contains("iPhone") })
                #expect(inbound[1] == "Do you have gluten-free bread?")
            }
        }
    }
}
