import Foundation
import HummingbirdWSClient
import Logging
import NIOWebSocket
import Synchronization
import Testing

/// A real WebSocket client for the web chat tests: frames arrive in order in ``frames``,
/// ``send(_:)`` writes one, and ``closeFrame()`` tells how the server closed the socket.
final class WebChatTestSocket: Sendable {
    /// What the connection task and the test share.
    private final class Shared: Sendable {
        /// Frames received and not yet read, and whether the socket has closed.
        let inbox = Mutex<(frames: [[String: any Sendable]], closed: Bool)>(([], false))
        let outbound = Mutex<WebSocketOutboundWriter?>(nil)
    }

    private let shared = Shared()
    private let quit: AsyncStream<Void>.Continuation
    private let connection: Task<WebSocketCloseFrame?, any Error>

    /// Connects to `/chat/{channel}/socket` and waits until the socket is open.
    static func open(port: Int, channel: String = "site-chat", origin: String? = nil) async throws -> WebChatTestSocket {
        let socket = WebChatTestSocket(port: port, channel: channel, origin: origin ?? "http://127.0.0.1:\(port)")
        try await eventually(timeout: .seconds(10), "the socket is open") { socket.shared.outbound.withLock { $0 != nil } || socket.shared.inbox.withLock { $0.closed } }
        return socket
    }

    private init(port: Int, channel: String, origin: String) {
        let (quitSignal, quit) = AsyncStream.makeStream(of: Void.self)
        self.quit = quit
        let shared = self.shared
        self.connection = Task {
            defer { shared.inbox.withLock { $0.closed = true } }
            return try await WebSocketClient.connect(
                url: "ws://127.0.0.1:\(port)/chat/\(channel)/socket",
                configuration: .init(maxFrameSize: 1 << 20, additionalHeaders: [.origin: origin]),
                logger: Logger(label: "ws-test", factory: { _ in SwiftLogNoOpLogHandler() })
            ) { inbound, writer, _ in
                shared.outbound.withLock { $0 = writer }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await message in inbound.messages(maxSize: 1 << 20) {
                            guard case .text(let text) = message,
                                  let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: any Sendable]
                            else { continue }
                            shared.inbox.withLock { $0.frames.append(object) }
                        }
                    }
                    group.addTask {
                        // Closes only when asked; a socket the server closed just ends.
                        for await _ in quitSignal {
                            try await writer.close(.normalClosure, reason: nil)
                            break
                        }
                    }
                    try await group.next()
                    group.cancelAll()
                }
            }
        }
    }

    /// Sends one frame (a JSON object, or raw text).
    func send(_ object: [String: any Sendable]) async throws {
        try await send(text: String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
    }

    func send(text: String) async throws {
        guard let writer = shared.outbound.withLock({ $0 }) else { throw CancellationError() }
        try await writer.write(.text(text))
    }

    /// The next frame, waiting at most `timeout` (throws ``TimeoutError``); nil when the socket
    /// closed first.
    func next(timeout: Duration = .seconds(10)) async throws -> [String: any Sendable]? {
        let deadline = ContinuousClock.now + timeout
        while true {
            let (frame, closed): ([String: any Sendable]?, Bool) = shared.inbox.withLock { inbox in
                inbox.frames.isEmpty ? (nil, inbox.closed) : (inbox.frames.removeFirst(), false)
            }
            if let frame { return frame }
            if closed { return nil }
            guard ContinuousClock.now < deadline else { throw TimeoutError() }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    /// The next frame of `type`, skipping others; fails the test when none comes.
    func next(_ type: String, timeout: Duration = .seconds(10)) async throws -> [String: any Sendable] {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard let frame = try await next(timeout: deadline - ContinuousClock.now) else { break }
            if frame["type"] as? String == type { return frame }
        }
        Issue.record("no \(type) frame arrived")
        throw TimeoutError()
    }

    /// Every frame that arrives within `window`.
    func drain(for window: Duration = .milliseconds(500)) async throws -> [[String: any Sendable]] {
        var frames: [[String: any Sendable]] = []
        let deadline = ContinuousClock.now + window
        while ContinuousClock.now < deadline {
            do {
                guard let frame = try await next(timeout: deadline - ContinuousClock.now) else { break }
                frames.append(frame)
            } catch is TimeoutError {
                break
            }
        }
        return frames
    }

    /// Closes the socket from the client side.
    func close() async {
        quit.yield()
        _ = try? await closeFrame(timeout: .seconds(5))
    }

    /// How the server closed the socket, waiting at most `timeout` (a socket the server keeps
    /// open fails the test instead of hanging it).
    func closeFrame(timeout: Duration = .seconds(15)) async throws -> WebSocketCloseFrame? {
        try await eventually(timeout: timeout, "the socket closes") { shared.inbox.withLock { $0.closed } }
        return try await connection.value
    }

    struct TimeoutError: Error {}
}
