import Brain
import ChannelKit
import Foundation
import HummingbirdWebSocket
import Logging
import NIOWebSocket
import Synchronization
import WebChatChannel

/// One visitor socket, from `hello` to close (docs/WEBCHAT_PROTOCOL.md): the session, the
/// replay of what the client missed, the visitor's messages into the inbox, acks, identity.
struct WebChatSession: Sendable {
    let channel: WebChatChannel
    let store: SQLiteStore
    let hub: WebChatHub
    let inboxSignal: WorkSignal
    let limiter: MessageRateLimiter
    let defaultRegion: String
    let remoteIP: String
    let requestID: String
    let logger: Logger

    /// How long a client has to say `hello`.
    static let helloTimeout: Duration = .seconds(10)
    /// The most entries a (re)connecting client is sent at once.
    static let replayLimit = 200

    /// The visitor a socket speaks for, once `hello` is done.
    struct Visitor: Sendable {
        var id: String
        var identity: WebChatServerFrame.Identity
        var connection: WebChatConnection
    }

    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        let activity = SocketActivity()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await watch(activity, outbound: outbound) }
            var visitor: Visitor?
            let outcome: Result<Void, any Error>
            do {
                try await readFrames(inbound, outbound: outbound, activity: activity, visitor: &visitor) { connection, lastSeq in
                    group.addTask { await sendEntries(to: connection, after: lastSeq) }
                }
                outcome = .success(())
            } catch {
                outcome = .failure(error)
            }
            if let connection = visitor?.connection { await hub.unregister(connection) }
            group.cancelAll()
            // A frame over the limit ends here as the library's close error: the socket closes with 1009.
            try outcome.get()
        }
    }

    private func readFrames(
        _ inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, activity: SocketActivity, visitor: inout Visitor?,
        startSending: (WebChatConnection, Int) -> Void
    ) async throws {
        for try await message in inbound.messages(maxSize: channel.settings.maxFrameBytes) {
            activity.touch()
            guard case .text(let text) = message else {
                try await send(.badFrame("binary frames are not supported; send JSON text"), on: outbound)
                continue
            }
            let frame: WebChatClientFrame
            do {
                frame = try WebChatClientFrame.decode(text, maxMessageChars: channel.settings.maxMessageChars)
            } catch {
                try await send(error, on: outbound)
                continue
            }
            if var current = visitor {
                try await handle(frame, visitor: &current)
                visitor = current
                continue
            }
            guard case .hello(let token, let lastSeq) = frame else {
                try await send(WebChatProtocolError(code: "hello_required", message: "send hello first"), on: outbound)
                continue
            }
            let opened = try await open(token: token, outbound: outbound)
            guard await hub.register(opened.connection, limit: channel.settings.maxConnectionsPerIP) else {
                try await outbound.close(.policyViolation, reason: "too many connections from this address")
                return
            }
            activity.helloDone()
            visitor = opened
            opened.connection.poke()
            startSending(opened.connection, lastSeq)
        }
    }

    /// Resumes the token's visitor, or starts a new one (with an `invalid_token` error first
    /// when a token was given and cannot be trusted), and sends the `session` frame.
    private func open(token: String?, outbound: WebSocketOutboundWriter) async throws -> Visitor {
        let maxAge = TimeInterval(channel.settings.sessionDays) * 86_400
        var visitorID: String
        var issued = Date()
        if let token, let verified = VisitorToken.verify(token, channelID: channel.ref.channelID, key: channel.signingKey, maxAge: maxAge) {
            visitorID = verified.visitorID
            issued = verified.issuedAt
        } else {
            if token != nil {
                try await send(WebChatProtocolError(code: "invalid_token", message: "the session token cannot be used; a new session starts"), on: outbound)
            }
            visitorID = VisitorToken.newVisitorID()
        }
        // A token older than a day is renewed, so an active visitor never reaches the expiry.
        if Date().timeIntervalSince(issued) > 86_400 { issued = Date() }
        let welcome = channel.settings.welcomeMessage.isEmpty ? nil : (
            key: "welcome",
            entry: WebChatEntry(role: .assistant, id: "welcome", text: channel.settings.welcomeMessage).stored
        )
        let stored = try await store.openLiveVisitor(on: channel.ref, visitorID: visitorID, welcome: welcome)
        let identity = WebChatServerFrame.Identity(name: stored.name, email: stored.email, phone: stored.phone)
        let connection = WebChatConnection(channelID: channel.ref.channelID, visitorID: visitorID, remoteIP: remoteIP, outbound: outbound)
        let tokenText = VisitorToken(visitorID: visitorID, issuedAt: issued).encoded(channelID: channel.ref.channelID, key: channel.signingKey)
        try await outbound.write(.text(WebChatServerFrame.session(token: tokenText, visitorID: visitorID, lastSeq: stored.lastSeq, identity: identity)))
        if stored.isNew { logger.info("web chat visitor started", metadata: ["visitor": "\(visitorID)"]) }
        return Visitor(id: visitorID, identity: identity, connection: connection)
    }

    private func handle(_ frame: WebChatClientFrame, visitor: inout Visitor) async throws {
        let outbound = visitor.connection.outbound
        switch frame {
        case .hello:
            try await send(WebChatProtocolError(code: "bad_frame", message: "the session is already open"), on: outbound)
        case .message(let clientMessageID, let text):
            try await accept(clientMessageID: clientMessageID, text: text, visitor: visitor)
        case .typing(let isTyping):
            await hub.visitorTyping(isTyping, channelID: channel.ref.channelID, visitorID: visitor.id)
        case .ack(let seq, let status):
            do {
                try await store.acknowledgeLiveEntries(on: channel.ref, visitorID: visitor.id, upTo: seq, status: status == .read ? .read : .delivered)
            } catch {
                logger.error("cannot record a web chat acknowledgement", metadata: ["error": "\(error)"])
            }
        case .identify(let name, let email, let phone):
            try await identify(name: name, email: email, phone: phone, visitor: &visitor)
        case .ping:
            try await outbound.write(.text(WebChatServerFrame.pong))
        }
    }

    /// Stores the visitor's message (inbox + transcript, one transaction) and says so; every
    /// socket of the visitor then shows it, and the assistant starts typing.
    private func accept(clientMessageID: String, text: String, visitor: Visitor) async throws {
        let outbound = visitor.connection.outbound
        if let retryAfter = limiter.take(remoteIP, perMinute: channel.settings.messagesPerMinutePerIP) {
            return try await send(WebChatProtocolError(
                code: "rate_limited", message: "too many messages; try again in \(retryAfter) s",
                clientMessageID: clientMessageID, retryAfter: retryAfter
            ), on: outbound)
        }
        let providerID = "\(visitor.id)/\(clientMessageID)"
        let message = InboundMessage(
            providerMessageID: providerID,
            sender: Participant(channelUserID: visitor.id, displayName: visitor.identity.name, phone: visitor.identity.phone, email: visitor.identity.email),
            threadKey: visitor.id, text: text, timestamp: Date()
        )
        let entry = WebChatEntry(role: .visitor, id: providerID, clientMessageId: clientMessageID, text: text)
        let result: (acceptance: InboxAcceptance, seq: Int)
        do {
            result = try await store.acceptLiveMessage(
                message, on: channel.ref, visitorID: visitor.id, entryKey: "visitor:\(clientMessageID)", entry: entry.stored,
                requestID: requestID, remoteAddress: remoteIP
            )
        } catch {
            logger.error("cannot store a web chat message", metadata: ["error": "\(error)"])
            return try await send(WebChatProtocolError(
                code: "unavailable", message: "the message could not be stored; send it again", clientMessageID: clientMessageID
            ), on: outbound)
        }
        let isNew = if case .accepted = result.acceptance { true } else { false }
        try await outbound.write(.text(WebChatServerFrame.accepted(clientMessageID: clientMessageID, seq: result.seq, duplicate: !isNew)))
        guard isNew else { return }
        inboxSignal.notify()
        await hub.transcriptChanged(channelID: channel.ref.channelID, visitorID: visitor.id)
        await hub.assistantTyping(true, channelID: channel.ref.channelID, visitorID: visitor.id)
    }

    private func identify(name: String?, email: String?, phone: String?, visitor: inout Visitor) async throws {
        let outbound = visitor.connection.outbound
        var identity = visitor.identity
        if let email, !email.isEmpty {
            guard let normalized = EmailAddress.normalize(email) else {
                return try await send(WebChatProtocolError(code: "invalid_email", message: "that is not an email address"), on: outbound)
            }
            identity.email = normalized
        }
        if let phone, !phone.isEmpty {
            guard let normalized = PhoneNumber.normalize(phone, defaultRegion: defaultRegion) else {
                return try await send(WebChatProtocolError(code: "invalid_phone", message: "that is not a phone number"), on: outbound)
            }
            identity.phone = normalized
        }
        if let name { identity.name = name }
        do {
            try await store.updateLiveVisitor(on: channel.ref, visitorID: visitor.id, name: identity.name, email: identity.email, phone: identity.phone)
        } catch {
            logger.error("cannot store a web chat identity", metadata: ["error": "\(error)"])
            return try await send(WebChatProtocolError(code: "unavailable", message: "the details could not be stored; send them again"), on: outbound)
        }
        visitor.identity = identity
        try await outbound.write(.text(WebChatServerFrame.identified(identity)))
    }

    /// Sends the entries after `lastSeq` (at most the latest ``replayLimit``), then every new one
    /// whenever the hub pokes, each exactly once and in order.
    private func sendEntries(to connection: WebChatConnection, after lastSeq: Int) async {
        var sent = lastSeq
        var first = true
        for await _ in connection.pokes {
            do {
                while true {
                    let entries = try await store.liveEntries(
                        on: channel.ref, visitorID: connection.visitorID, after: sent, limit: Self.replayLimit, newest: first
                    )
                    first = false
                    for entry in entries {
                        guard let decoded = WebChatEntry(stored: entry.entry) else { continue }
                        try await connection.outbound.write(.text(decoded.frame(seq: entry.seq, sentAt: entry.createdAt)))
                        sent = entry.seq
                    }
                    if entries.count < Self.replayLimit { break }
                }
            } catch {
                // The socket is closing, or the store failed: the client catches up on reconnect.
                logger.notice("web chat entries not sent", metadata: ["error": "\(error)"])
                return
            }
        }
    }

    private func send(_ error: WebChatProtocolError, on outbound: WebSocketOutboundWriter) async throws {
        try await outbound.write(.text(WebChatServerFrame.error(error)))
    }

    /// Closes a socket that never said hello (4002) or went quiet (4000).
    /// Sleeps until the socket could first be overdue, so an active socket costs one wake-up per
    /// timeout period, not one per second.
    private func watch(_ activity: SocketActivity, outbound: WebSocketOutboundWriter) async {
        let idle = Duration.seconds(channel.settings.idleTimeoutSeconds)
        while !Task.isCancelled {
            let (quietFor, hello) = activity.state()
            let limit = hello ? idle : Self.helloTimeout
            if quietFor >= limit {
                try? await outbound.close(.unknown(hello ? 4000 : 4002), reason: hello ? "idle" : "no hello")
                return
            }
            try? await Task.sleep(for: limit - quietFor + .milliseconds(50))
        }
    }
}

/// When a socket last sent something, and whether it said hello.
final class SocketActivity: Sendable {
    private let state_ = Mutex<(last: ContinuousClock.Instant, hello: Bool)>((ContinuousClock.now, false))

    func touch() { state_.withLock { $0.last = .now } }
    func helloDone() { state_.withLock { $0.hello = true } }

    /// How long the socket has been quiet, and whether it said hello.
    func state() -> (Duration, Bool) {
        state_.withLock { (ContinuousClock.now - $0.last, $0.hello) }
    }
}
