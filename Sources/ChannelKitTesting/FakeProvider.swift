import ChannelKit

/// A fake provider: a real HTTP server on 127.0.0.1 that records every request it receives and
/// answers according to a script, so adapters and the gateway's dispatcher can be tested against
/// the provider's real API shape without the internet.
///
/// It answers any method on any path (Telegram's `/bot<token>/sendMessage`, Meta's
/// `/v21.0/<id>/messages`, Twilio's `/2010-04-01/Accounts/<sid>/Messages.json`, a plain
/// `/callback`). Replies queued with ``enqueue(_:)`` answer the next requests in order; after
/// them every request gets the default reply.
///
/// ```swift
/// try await FakeProvider.withRunning { provider in
///     await provider.enqueue(.rateLimited(retryAfterSeconds: 3))
///     // point the code under test at provider.baseURL, make it send twice, then:
///     let requests = try await provider.waitForRequests(count: 2)
///     #expect(requests[1].path == "/bot123:ABC/sendMessage")
/// }
/// ```
///
/// The value is a cheap, `Sendable` handle: copies share one server and one script.
public struct FakeProvider: Sendable {
    /// Where the server listens, without a trailing slash: `http://127.0.0.1:<port>`.
    public let baseURL: String
    let script: ProviderScript

    init(baseURL: String, script: ProviderScript) {
        self.baseURL = baseURL
        self.script = script
    }

    /// The absolute URL of `path` on the server (`provider.url("/callback")`).
    public func url(_ path: String) -> String {
        path.hasPrefix("/") ? baseURL + path : baseURL + "/" + path
    }

    /// Queues replies for the next requests, in order; the default reply answers after them.
    public func enqueue(_ replies: Reply...) async {
        await script.enqueue(replies)
    }

    /// Replaces the reply given once the queued ones are used up.
    public func setDefaultReply(_ reply: Reply) async {
        await script.setDefaultReply(reply)
    }

    /// Every request received so far, in order of arrival.
    public var requests: [RecordedRequest] {
        get async { await script.requests }
    }

    /// Waits until at least `count` requests have arrived and returns every request received so
    /// far (so a test that expects exactly `count` can check that no more came).
    ///
    /// A request counts as soon as its body is read, before its reply (even a delayed one) is sent.
    ///
    /// - Throws: ``FakeProviderError/timedOut(expected:received:after:)`` when fewer arrive within
    ///   `timeout`; the error lists what did arrive.
    public func waitForRequests(count: Int, timeout: Duration = .seconds(10)) async throws -> [RecordedRequest] {
        let script = self.script
        return try await withThrowingTaskGroup(of: [RecordedRequest].self) { group in
            group.addTask {
                try await script.waitForRequests(atLeast: count)
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                let received = await script.requests.map(\.description)
                throw FakeProviderError.timedOut(expected: count, received: received, after: timeout)
            }
            // Whichever finishes first decides; the other is cancelled and awaited by the group.
            defer { group.cancelAll() }
            guard let requests = try await group.next() else {
                throw CancellationError()
            }
            return requests
        }
    }
}
