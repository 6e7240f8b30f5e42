import AsyncHTTPClient
import ChannelKit
import ChannelKitTesting
import Foundation
import Testing

@Suite struct FakeProviderTests {
    @Test func recordsMethodPathQueryHeadersAndBody() async throws {
        try await FakeProvider.withRunning { provider in
            try await HTTPClient.withHTTPClient { client in
                let body = #"{"chat_id":42,"text":"Hello"}"#
                let response = try await client.send(
                    to: provider.url("/bot123456:ABC-DEF/sendMessage?parse_mode=HTML&note=a%20b"),
                    headers: ["Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "s3cret"],
                    body: body
                )
                #expect(response.status == 200)
                #expect(response.body == "{}")
                #expect(response.headers["content-type"] == "application/json")

                let requests = try await provider.waitForRequests(count: 1)
                #expect(requests.count == 1)
                let request = try #require(requests.first)
                #expect(request.method == "POST")
                #expect(request.path == "/bot123456:ABC-DEF/sendMessage")
                #expect(request.rawQuery == "parse_mode=HTML&note=a%20b")
                #expect(request.query("note") == "a b")
                #expect(request.description == "POST /bot123456:ABC-DEF/sendMessage?parse_mode=HTML&note=a%20b")
                #expect(request.headers["x-telegram-bot-api-secret-token"] == "s3cret")
                #expect(request.headers["Content-Type"] == "application/json")
                #expect(request.headers["Host"]?.hasPrefix("127.0.0.1:") == true)
                #expect(request.body == Data(body.utf8))
                #expect(request.bodyText == body)
                #expect(try request.json() == .object(["chat_id": .number(42), "text": .string("Hello")]))
                #expect(try request.decode(SentMessage.self) == SentMessage(chatID: 42, text: "Hello"))
            }
        }
    }

    @Test func answersAnyMethodOnAnyPath() async throws {
        let calls = [
            ("POST", "/v21.0/123456789/messages"),
            ("POST", "/2010-04-01/Accounts/AC0123456789abcdef/Messages.json"),
            ("GET", "/bot123:ABC/getMe"),
            ("PUT", "/callback"),
            ("DELETE", "/v1/things/7"),
            ("PATCH", "/"),
        ]
        try await FakeProvider.withRunning { provider in
            try await HTTPClient.withHTTPClient { client in
                for (method, path) in calls {
                    let response = try await client.send(method, to: provider.url(path))
                    #expect(response.status == 200, "\(method) \(path)")
                }
                let requests = try await provider.waitForRequests(count: calls.count)
                #expect(requests.map(\.method) == calls.map { $0.0 })
                #expect(requests.map(\.path) == calls.map { $0.1 })
            }
        }
    }

    @Test func decodesAFormBody() async throws {
        try await FakeProvider.withRunning { provider in
            try await HTTPClient.withHTTPClient { client in
                _ = try await client.send(
                    to: provider.url("/2010-04-01/Accounts/AC123/Messages.json"),
                    headers: ["Content-Type": "application/x-www-form-urlencoded"],
                    body: "To=%2B15551234567&From=%2B15557654321&Body=Hello+there%21"
                )
                let requests = try await provider.waitForRequests(count: 1)
                let request = try #require(requests.first)
                #expect(request.formItems.map(\.name) == ["To", "From", "Body"])
                #expect(request.formField("To") == "+15551234567")
                #expect(request.formField("Body") == "Hello there!")
                #expect(request.formField("Missing") == nil)
            }
        }
    }

    @Test func answersQueuedRepliesInOrderThenTheDefault() async throws {
        try await FakeProvider.withRunning { provider in
            await provider.enqueue(.status(503, body: "unavailable"), .json(status: 400, body: #"{"error":"bad"}"#))
            try await HTTPClient.withHTTPClient { client in
                let first = try await client.send(to: provider.url("/send"))
                let second = try await client.send(to: provider.url("/send"))
                let third = try await client.send(to: provider.url("/send"))
                #expect(first.status == 503)
                #expect(first.body == "unavailable")
                #expect(second.status == 400)
                #expect(second.body == #"{"error":"bad"}"#)
                #expect(second.headers["Content-Type"] == "application/json")
                #expect(third.status == 200)
                #expect(third.body == "{}")
            }
        }
    }

    @Test func theDefaultReplyIsConfigurable() async throws {
        try await FakeProvider.withRunning(defaultReply: .json(status: 201, body: #"{"id":"m-1"}"#)) { provider in
            try await HTTPClient.withHTTPClient { client in
                let created = try await client.send(to: provider.url("/messages"))
                #expect(created.status == 201)
                #expect(created.body == #"{"id":"m-1"}"#)
                await provider.setDefaultReply(.status(500, body: "down", headers: ["X-Provider-Error": "E42"]))
                let failed = try await client.send(to: provider.url("/messages"))
                #expect(failed.status == 500)
                #expect(failed.headers["x-provider-error"] == "E42")
            }
        }
    }

    @Test func aRateLimitCarriesRetryAfter() async throws {
        try await FakeProvider.withRunning { provider in
            await provider.enqueue(.rateLimited(retryAfterSeconds: 7))
            try await HTTPClient.withHTTPClient { client in
                let limited = try await client.send(to: provider.url("/v21.0/123/messages"))
                #expect(limited.status == 429)
                #expect(limited.headers["Retry-After"] == "7")
                #expect(RetryAfter.parse(limited.headers["Retry-After"]) == .seconds(7))
                let next = try await client.send(to: provider.url("/v21.0/123/messages"))
                #expect(next.status == 200)
            }
        }
    }

    @Test func aDynamicReplyAnswersFromTheRequest() async throws {
        let byPath = FakeProvider.Reply.dynamic({ request in
            request.path.hasSuffix("/messages") ? .ok(json: #"{"echo":"\#(request.bodyText)"}"#) : .status(404)
        })
        try await FakeProvider.withRunning(defaultReply: byPath) { provider in
            try await HTTPClient.withHTTPClient { client in
                let sent = try await client.send(to: provider.url("/v1/messages"), body: "hi")
                #expect(sent.status == 200)
                #expect(sent.body == #"{"echo":"hi"}"#)
                let missing = try await client.send(to: provider.url("/v1/elsewhere"))
                #expect(missing.status == 404)
            }
        }
    }

    @Test func aHangingReplyTimesTheClientOutWithoutBlockingOtherRequests() async throws {
        try await FakeProvider.withRunning { provider in
            // Far longer than the test: it also shows the server stops without waiting for it.
            await provider.enqueue(.hang(.seconds(60)))
            try await HTTPClient.withHTTPClient { client in
                async let slow = client.send(to: provider.url("/slow"), timeoutMilliseconds: 500)
                // The hanging request is recorded as soon as it arrives, before its reply.
                let arrived = try await provider.waitForRequests(count: 1)
                #expect(arrived.map(\.path) == ["/slow"])

                let fast = try await client.send(to: provider.url("/fast"), timeoutMilliseconds: 5_000)
                #expect(fast.status == 200)

                var slowError: (any Error)?
                do {
                    _ = try await slow
                } catch {
                    slowError = error
                }
                #expect(slowError as? HTTPClientError == .deadlineExceeded)
                #expect(await provider.requests.map(\.path) == ["/slow", "/fast"])
            }
        }
    }

    @Test func recordsConcurrentRequests() async throws {
        try await FakeProvider.withRunning { provider in
            try await HTTPClient.withHTTPClient { client in
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for index in 0..<20 {
                        group.addTask {
                            try await client.send(to: provider.url("/messages/\(index)"), body: "\(index)").status
                        }
                    }
                    for try await status in group {
                        #expect(status == 200)
                    }
                }
                let requests = try await provider.waitForRequests(count: 20)
                #expect(requests.count == 20)
                #expect(Set(requests.map(\.path)) == Set((0..<20).map { "/messages/\($0)" }))
                #expect(requests.allSatisfy { $0.path == "/messages/\($0.bodyText)" })
            }
        }
    }

    @Test func waitingReturnsOnceTheRequestsArrive() async throws {
        try await FakeProvider.withRunning { provider in
            try await HTTPClient.withHTTPClient { client in
                async let arrived = provider.waitForRequests(count: 2)
                _ = try await client.send(to: provider.url("/one"))
                _ = try await client.send(to: provider.url("/two"))
                let paths = try await arrived.map(\.path)
                #expect(paths == ["/one", "/two"])
            }
        }
    }

    @Test func waitingForRequestsThatNeverComeTimesOut() async throws {
        try await FakeProvider.withRunning { provider in
            let clock = ContinuousClock()
            let start = clock.now
            let error = await #expect(throws: FakeProviderError.self) {
                try await provider.waitForRequests(count: 1, timeout: .milliseconds(200))
            }
            #expect(clock.now - start < .seconds(5))
            #expect(error?.description.contains("1 request") == true)
        }
    }

    @Test func aTimeoutListsTheRequestsThatDidArrive() async throws {
        try await FakeProvider.withRunning { provider in
            try await HTTPClient.withHTTPClient { client in
                _ = try await client.send(to: provider.url("/only?x=1"))
                let error = await #expect(throws: FakeProviderError.self) {
                    try await provider.waitForRequests(count: 2, timeout: .milliseconds(200))
                }
                #expect(error?.description.contains("POST /only?x=1") == true)
            }
        }
    }

    @Test func aBodyOverTheLimitIsRefusedAndNotRecorded() async throws {
        try await FakeProvider.withRunning(maxBodySize: 16) { provider in
            try await HTTPClient.withHTTPClient { client in
                let refused = try await client.send(to: provider.url("/upload"), body: String(repeating: "x", count: 100))
                #expect(refused.status == 413)
                let accepted = try await client.send(to: provider.url("/upload"), body: "small")
                #expect(accepted.status == 200)
                #expect(await provider.requests.map(\.bodyText) == ["small"])
            }
        }
    }

    @Test func stopsTheServerEvenWhenTheTestThrows() async throws {
        let error = await #expect(throws: StopHere.self) {
            try await FakeProvider.withRunning { (provider: FakeProvider) -> Void in
                throw StopHere(baseURL: provider.baseURL)
            }
        }
        let baseURL = try #require(error?.baseURL)
        try await HTTPClient.withHTTPClient { client in
            // Nothing listens any more: the connection is refused (retried until the deadline).
            _ = await #expect(throws: (any Error).self) {
                try await client.send(to: baseURL + "/after", timeoutMilliseconds: 1_000)
            }
        }
    }
}

/// The body of a Telegram `sendMessage` call.
private struct SentMessage: Decodable, Equatable {
    var chatID: Int
    var text: String

    enum CodingKeys: String, CodingKey {
        case chatID = "chat_id"
        case text
    }
}

/// Thrown out of a fake provider's scope, carrying its address.
private struct StopHere: Error {
    var baseURL: String
}
