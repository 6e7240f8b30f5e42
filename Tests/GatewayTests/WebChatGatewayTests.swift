import Brain
import ChannelKit
import Foundation
import GRDB
import HummingbirdTesting
import NIOWebSocket
import Testing

@testable import Gateway

/// The bakery tenant with one web chat channel, `site-chat`, embeddable on https://shop.example.
func webChatConfiguration(settings extra: String = "", enabled: Bool = true) throws -> GatewayConfiguration {
    let json = """
        {
          "gateway": {
            "worker": {"pollIntervalMilliseconds": 50},
            "dispatcher": {"maxAttempts": 3, "baseDelayMilliseconds": 20, "maxDelayMilliseconds": 100, "pollIntervalMilliseconds": 50}
          },
          "tenants": [{
            "id": "bakery", "name": "Bella's Bakery",
            "assistant": {"handoffMessage": "A baker will answer you here shortly."},
            "knowledgeBase": [
              {"id": "hours", "question": "What are your opening hours?", "answer": "Tuesday to Sunday, 7am to 6pm.", "keywords": ["open"]}
            ],
            "channels": [{
              "id": "site-chat", "type": "webchat", "enabled": \(enabled),
              "settings": {
                "title": "Bella's Bakery", "welcomeMessage": "Hi! Ask me anything.",
                "allowedOrigins": ["https://shop.example"], "maxMessageChars": 500, "maxFrameBytes": 4096\(extra)
              }
            }]
          }]
        }
        """
    return try ConfigurationLoader(environment: [:]).parse(Data(json.utf8), file: "test.json")
}

extension WebChatTestSocket {
    /// Says hello and returns the session frame (after which the replay follows).
    func hello(token: String? = nil, lastSeq: Int = 0) async throws -> [String: any Sendable] {
        var frame: [String: any Sendable] = ["type": "hello", "lastSeq": lastSeq]
        if let token { frame["token"] = token }
        try await send(frame)
        return try await next("session")
    }

    func say(_ text: String, id: String) async throws {
        try await send(["type": "message", "clientMessageId": id, "text": text])
    }

    /// The next `message` frame.
    func nextEntry(timeout: Duration = .seconds(10)) async throws -> [String: any Sendable] {
        try await next("message", timeout: timeout)
    }
}

@Suite struct WebChatGatewayTests {
    @Test func aVisitorsQuestionIsAnsweredOnTheSocket() async throws {
        let path = temporaryDatabasePath()
        try await withGateway(webChatConfiguration(), databasePath: path) { client in
            let socket = try await WebChatTestSocket.open(port: try #require(client.port))
            let session = try await socket.hello()
            #expect((session["token"] as? String)?.isEmpty == false)
            #expect(session["lastSeq"] as? Int == 1)
            let welcome = try await socket.nextEntry()
            #expect(welcome["seq"] as? Int == 1 && welcome["role"] as? String == "assistant" && welcome["text"] as? String == "Hi! Ask me anything.")

            try await socket.say("When are you open?", id: "c1")
            let accepted = try await socket.next("accepted")
            #expect(accepted["clientMessageId"] as? String == "c1" && accepted["seq"] as? Int == 2 && accepted["duplicate"] as? Bool == false)
            let echo = try await socket.nextEntry()
            #expect(echo["seq"] as? Int == 2 && echo["role"] as? String == "visitor" && echo["clientMessageId"] as? String == "c1")
            let reply = try await socket.nextEntry()
            #expect(reply["seq"] as? Int == 3 && reply["role"] as? String == "assistant")
            #expect(reply["text"] as? String == "Tuesday to Sunday, 7am to 6pm.")
            #expect((reply["sentAt"] as? String)?.hasSuffix("Z") == true)

            // The visitor read it: the reply's delivery state follows.
            try await socket.send(["type": "ack", "seq": 3, "status": "read"])
            try await eventually("the reply is marked read") {
                try await deliveryStates(path).contains("read")
            }
            await socket.close()
        }
    }

    @Test func twoTabsOfOneVisitorBothSeeEverything() async throws {
        try await withGateway(webChatConfiguration(), databasePath: temporaryDatabasePath()) { client in
            let port = try #require(client.port)
            let first = try await WebChatTestSocket.open(port: port)
            let token = try #require(try await first.hello()["token"] as? String)
            _ = try await first.nextEntry()
            let second = try await WebChatTestSocket.open(port: port)
            let resumed = try await second.hello(token: token)
            #expect(resumed["visitorId"] as? String == token.split(separator: ".").first.map(String.init))
            #expect(try await second.nextEntry()["seq"] as? Int == 1)

            try await first.say("When are you open?", id: "tab1-1")
            for tab in [first, second] {
                let echo = try await tab.nextEntry()
                #expect(echo["seq"] as? Int == 2 && echo["clientMessageId"] as? String == "tab1-1")
                let reply = try await tab.nextEntry()
                #expect(reply["seq"] as? Int == 3 && reply["role"] as? String == "assistant")
            }
            // Nothing is shown twice.
            for tab in [first, second] {
                #expect(try await tab.drain().filter { $0["type"] as? String == "message" }.isEmpty)
            }
            await first.close()
            await second.close()
        }
    }

    @Test func aClientThatDroppedMidReplyGetsExactlyWhatItMissed() async throws {
        let path = temporaryDatabasePath()
        try await withGateway(webChatConfiguration(), databasePath: path) { client in
            let port = try #require(client.port)
            let socket = try await WebChatTestSocket.open(port: port)
            let token = try #require(try await socket.hello()["token"] as? String)
            _ = try await socket.nextEntry()
            try await socket.say("When are you open?", id: "c1")
            #expect(try await socket.next("accepted")["seq"] as? Int == 2)
            await socket.close()
            // The reply is made while nobody is connected.
            try await eventually("the reply is in the transcript") { try await transcriptLength(path) == 3 }

            let again = try await WebChatTestSocket.open(port: port)
            _ = try await again.hello(token: token, lastSeq: 2)
            let missed = try await again.drain(for: .seconds(1)).filter { $0["type"] as? String == "message" }
            #expect(missed.map { $0["seq"] as? Int } == [3])
            #expect(missed.first?["text"] as? String == "Tuesday to Sunday, 7am to 6pm.")
            await again.close()
        }
    }

    @Test func aMessageSentAgainAfterADropIsProcessedOnce() async throws {
        let path = temporaryDatabasePath()
        try await withGateway(webChatConfiguration(), databasePath: path) { client in
            let port = try #require(client.port)
            let socket = try await WebChatTestSocket.open(port: port)
            let token = try #require(try await socket.hello()["token"] as? String)
            try await socket.say("When are you open?", id: "c-42")
            #expect(try await socket.next("accepted")["duplicate"] as? Bool == false)
            await socket.close()

            let again = try await WebChatTestSocket.open(port: port)
            _ = try await again.hello(token: token, lastSeq: 1)
            try await again.say("When are you open?", id: "c-42")
            let accepted = try await again.next("accepted")
            #expect(accepted["duplicate"] as? Bool == true && accepted["seq"] as? Int == 2)
            try await eventually("the reply is in the transcript") { try await transcriptLength(path) == 3 }
            try await Task.sleep(for: .milliseconds(500))
            #expect(try await transcriptLength(path) == 3)
            #expect(try await outboundCount(path) == 1)
            await again.close()
        }
    }

    @Test func aPageOfAnotherOriginIsRefused() async throws {
        try await withGateway(webChatConfiguration(), databasePath: temporaryDatabasePath()) { client in
            let port = try #require(client.port)
            let evil = try await RawWebSocketProbe.upgrade(port: port, path: "/chat/site-chat/socket", origin: "https://evil.example")
            #expect(evil.statusLine.contains("101"))
            #expect(evil.closeCode == 4003)
            #expect(evil.closeReason?.contains("https://evil.example") == true)
            let foreign = try await RawWebSocketProbe.upgrade(port: port, path: "/chat/site-chat/socket", origin: "http://shop.example")
            #expect(foreign.closeCode == 4003)

            let shop = try await WebChatTestSocket.open(port: port, origin: "https://shop.example")
            #expect(try await shop.hello()["type"] as? String == "session")
            await shop.close()
        }
    }

    @Test func anOversizedFrameClosesTheSocket() async throws {
        try await withGateway(webChatConfiguration(), databasePath: temporaryDatabasePath()) { client in
            let socket = try await WebChatTestSocket.open(port: try #require(client.port))
            _ = try await socket.hello()
            try await socket.send(text: #"{"type":"message","clientMessageId":"big","text":""# + String(repeating: "a", count: 5000) + #""}"#)
            #expect(try await socket.closeFrame()?.closeCode == .messageTooLarge)
        }
    }

    @Test func badFramesGetErrorsAndTheSocketStaysOpen() async throws {
        try await withGateway(webChatConfiguration(), databasePath: temporaryDatabasePath()) { client in
            let socket = try await WebChatTestSocket.open(port: try #require(client.port))
            try await socket.say("hi", id: "c1")
            #expect(try await socket.next("error")["code"] as? String == "hello_required")
            try await socket.send(text: "not json")
            #expect(try await socket.next("error")["code"] as? String == "bad_frame")
            _ = try await socket.hello(token: "v_forged.1790000000.00ff")
            // … the forged token was answered with invalid_token before the new session.
            try await socket.send(text: #"{"type":"message","clientMessageId":"c2","text":"\#(String(repeating: "x", count: 501))"}"#)
            let tooLong = try await socket.next("error")
            #expect(tooLong["code"] as? String == "message_too_long" && tooLong["clientMessageId"] as? String == "c2")
            try await socket.send(["type": "ping"])
            #expect(try await socket.next("pong")["type"] as? String == "pong")
            await socket.close()
        }
    }

    @Test func aForgedTokenStartsANewVisitor() async throws {
        try await withGateway(webChatConfiguration(), databasePath: temporaryDatabasePath()) { client in
            let socket = try await WebChatTestSocket.open(port: try #require(client.port))
            try await socket.send(["type": "hello", "token": "v_someoneelse.1790000000.00ff"])
            #expect(try await socket.next()?["code"] as? String == "invalid_token")
            let session = try await socket.next("session")
            #expect(session["visitorId"] as? String != "v_someoneelse")
            #expect(try await socket.nextEntry()["seq"] as? Int == 1)
            await socket.close()
        }
    }

    @Test func historyAndTokensSurviveARestart() async throws {
        let path = temporaryDatabasePath()
        let token: String = try await withGateway(webChatConfiguration(), databasePath: path) { client in
            let socket = try await WebChatTestSocket.open(port: try #require(client.port))
            let token = try #require(try await socket.hello()["token"] as? String)
            try await socket.say("When are you open?", id: "c1")
            _ = try await socket.next("accepted")
            try await eventually("the reply is in the transcript") { try await transcriptLength(path) == 3 }
            await socket.close()
            return token
        }
        try await withGateway(webChatConfiguration(), databasePath: path) { client in
            let socket = try await WebChatTestSocket.open(port: try #require(client.port))
            let session = try await socket.hello(token: token)
            #expect(session["lastSeq"] as? Int == 3)
            let history = try await socket.drain(for: .seconds(1)).filter { $0["type"] as? String == "message" }
            #expect(history.map { $0["seq"] as? Int } == [1, 2, 3])
            #expect(history.map { $0["role"] as? String } == ["assistant", "visitor", "assistant"])
            await socket.close()
        }
    }

    @Test func oneAddressMayHoldOnlySoManySockets() async throws {
        try await withGateway(webChatConfiguration(settings: #", "maxConnectionsPerIP": 2"#), databasePath: temporaryDatabasePath()) { client in
            let port = try #require(client.port)
            let first = try await WebChatTestSocket.open(port: port)
            _ = try await first.hello()
            let second = try await WebChatTestSocket.open(port: port)
            _ = try await second.hello()
            let third = try await RawWebSocketProbe.upgrade(port: port, path: "/chat/site-chat/socket", origin: "https://shop.example")
            #expect(third.closeCode == 4029)
            await first.close()
            // A freed place can be taken again.
            try await eventually("the first socket's place is free") {
                let fourth = try await WebChatTestSocket.open(port: port)
                try await fourth.send(["type": "hello"])
                let first = try await fourth.next(timeout: .seconds(5))
                await fourth.close()
                return first?["type"] as? String == "session"
            }
            await second.close()
        }
    }

    @Test func tooManyMessagesFromOneAddressAreRefusedWithRetryAfter() async throws {
        try await withGateway(webChatConfiguration(settings: #", "messagesPerMinutePerIP": 2"#), databasePath: temporaryDatabasePath()) { client in
            let socket = try await WebChatTestSocket.open(port: try #require(client.port))
            _ = try await socket.hello()
            for id in ["a", "b"] {
                try await socket.say("Do you sell cakes? \(id)", id: id)
                #expect(try await socket.next("accepted")["clientMessageId"] as? String == id)
            }
            try await socket.say("And bread?", id: "c")
            let refused = try await socket.next("error")
            #expect(refused["code"] as? String == "rate_limited" && refused["clientMessageId"] as? String == "c")
            #expect((refused["retryAfter"] as? Int ?? 0) >= 1)
            await socket.close()
        }
    }

    @Test func aVisitorMayTellWhoTheyAre() async throws {
        let path = temporaryDatabasePath()
        try await withGateway(webChatConfiguration(), databasePath: path) { client in
            let socket = try await WebChatTestSocket.open(port: try #require(client.port))
            let visitor = try #require(try await socket.hello()["visitorId"] as? String)
            try await socket.send(["type": "identify", "email": "not-an-address"])
            #expect(try await socket.next("error")["code"] as? String == "invalid_email")
            try await socket.send(["type": "identify", "email": " Ada@Example.com ", "name": "Ada"])
            let identified = try await socket.next("identified")
            #expect(identified["email"] as? String == "ada@example.com" && identified["name"] as? String == "Ada")
            try await socket.say("When are you open?", id: "c1")
            _ = try await socket.next("accepted")
            try await eventually("the visitor's identity carries the email") {
                try await identityEmail(path, visitor: visitor) == "ada@example.com"
            }
            await socket.close()
        }
    }

    @Test func aSilentClientIsClosedAfterTheHelloTimeout() async throws {
        try await withGateway(webChatConfiguration(), databasePath: temporaryDatabasePath()) { client in
            let socket = try await WebChatTestSocket.open(port: try #require(client.port))
            #expect(try await socket.closeFrame()?.closeCode == .unknown(4002))
        }
    }

    @Test func servesTheWidgetAndTheDemoPage() async throws {
        try await withGateway(webChatConfiguration(), databasePath: temporaryDatabasePath()) { client in
            let page = try await client.execute(uri: "/chat/site-chat", method: .get) { $0 }
            #expect(page.status == .ok)
            #expect(page.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(page.bodyText.contains("/chat/site-chat/widget.js") && page.bodyText.contains("Bella&#39;s Bakery"))
            let script = try await client.execute(uri: "/chat/site-chat/widget.js", method: .get) { $0 }
            #expect(script.status == .ok)
            #expect(script.headers[.contentType]?.hasPrefix("text/javascript") == true)
            #expect(script.bodyText.contains(#""socketPath":"/chat/site-chat/socket""#) && !script.bodyText.contains("__OCG_CONFIG__"))
            let unknown = try await client.execute(uri: "/chat/nope/widget.js", method: .get) { $0 }
            #expect(unknown.status == .notFound && unknown.errorCode == "unknown_channel")
        }
        try await withGateway(webChatConfiguration(enabled: false), databasePath: temporaryDatabasePath()) { client in
            let page = try await client.execute(uri: "/chat/site-chat", method: .get) { $0 }
            #expect(page.status == .serviceUnavailable && page.errorCode == "channel_disabled")
        }
    }
}

/// How many entries the transcript holds, over all visitors.
private func transcriptLength(_ path: String) async throws -> Int {
    try await DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM live_transcript") ?? 0 }
}

private func outboundCount(_ path: String) async throws -> Int {
    try await DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM messages WHERE direction = 'outbound'") ?? 0 }
}

private func deliveryStates(_ path: String) async throws -> [String] {
    try await DatabaseQueue(path: path).read { db in
        try String.fetchAll(db, sql: "SELECT delivery_status FROM messages WHERE direction = 'outbound' AND delivery_status IS NOT NULL")
    }
}

private func identityEmail(_ path: String, visitor: String) async throws -> String? {
    try await DatabaseQueue(path: path).read { db in
        try String.fetchOne(db, sql: "SELECT email FROM channel_identities WHERE channel_user_id = ?", arguments: [visitor])
    }
}
