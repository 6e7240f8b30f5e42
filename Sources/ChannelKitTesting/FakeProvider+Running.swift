import ChannelKit
import Hummingbird
import Logging

extension FakeProvider {
    /// Runs a fake provider on 127.0.0.1 (a free port) for the duration of `body`, and always
    /// stops it afterwards, whether `body` returns or throws.
    ///
    /// - Parameters:
    ///   - defaultReply: The reply given when no queued reply is left (200 `{}` unless given).
    ///   - maxBodySize: The largest request body read (10 MB unless given); a larger one is
    ///     answered 413 and not recorded.
    ///   - logger: The server's logger; silent unless given.
    ///   - body: The test, handed the running provider.
    /// - Returns: What `body` returns.
    ///
    /// ```swift
    /// let sent = try await FakeProvider.withRunning(defaultReply: .json(status: 200, body: #"{"ok":true}"#)) { provider in
    ///     try await dispatcher.send(to: provider.url("/bot123:ABC/sendMessage"))
    ///     return try await provider.waitForRequests(count: 1)
    /// }
    /// ```
    public static func withRunning<T>(
        defaultReply: Reply = .ok(),
        maxBodySize: Int = 10 * 1024 * 1024,
        logger: Logger = Logger(label: "fake-provider", factory: { _ in SwiftLogNoOpLogHandler() }),
        isolation: isolated (any Actor)? = #isolation,
        _ body: (FakeProvider) async throws -> T
    ) async throws -> T {
        let script = ProviderScript(defaultReply: defaultReply)
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            responder: FakeProviderResponder(script: script, maxBodySize: maxBodySize),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                if let port = channel.localAddress?.port {
                    portContinuation.yield(port)
                }
                portContinuation.finish()
            },
            logger: logger
        )
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
            group.addTask {
                // Ends the wait for the port below if the server stops before it listens.
                defer { portContinuation.finish() }
                try await app.run()
            }
            // Stopped by cancellation rather than graceful shutdown: graceful shutdown would wait
            // for a `.hang` reply still in progress. The group then awaits the server's exit.
            defer { group.cancelAll() }

            var boundPort: Int?
            for await port in ports {
                boundPort = port
                break
            }
            guard let port = boundPort else {
                group.cancelAll()
                // Rethrows the server's own error (it could not bind); else it merely stopped.
                _ = try await group.next()
                throw FakeProviderError.serverDidNotStart
            }
            return try await body(FakeProvider(baseURL: "http://127.0.0.1:\(port)", script: script))
        }
    }
}
