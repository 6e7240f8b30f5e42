import APIChannel
import ChannelKit
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

@testable import Gateway
@testable import Brain

/// A gateway configuration for tests: the bakery tenant with one API channel whose replies go to
/// `callbackURL`, fast retries, and whatever `gatewayExtra` adds to the `gateway` object.
func testConfiguration(callbackURL: String, maxAttempts: Int = 4, maxBodyBytes: Int = 65536, environment: [String: String] = [:]) throws -> GatewayConfiguration {
    let json = """
        {
          "gateway": {
            "maxBodyBytes": \(maxBodyBytes),
            "worker": {"pollIntervalMilliseconds": 50},
            "dispatcher": {"maxAttempts": \(maxAttempts), "baseDelayMilliseconds": 20, "maxDelayMilliseconds": 100,
                           "timeoutMilliseconds": 1000, "pollIntervalMilliseconds": 50}
          },
          "tenants": [{
            "id": "bakery", "name": "Bella's Bakery",
            "assistant": {"handoffMessage": "A baker will answer you here shortly."},
            "knowledgeBase": [
              {"id": "hours", "question": "What are your opening hours?", "answer": "Tuesday to Sunday, 7am to 6pm.", "keywords": ["open"]}
            ],
            "channels": [{
              "id": "bakery-api", "type": "api",
              "settings": {"callbackURL": "\(callbackURL)"},
              "secrets": {"signingSecret": "env:BAKERY_SECRET"}
            }]
          }]
        }
        """
    var environment = environment
    environment["BAKERY_SECRET"] = environment["BAKERY_SECRET"] ?? testSecret.value
    return try ConfigurationLoader(environment: environment).parse(Data(json.utf8), file: "test.json")
}

let testSecret = Secret("s3cr3t-signing-key-for-tests")

/// A fresh database path in a temporary directory.
func temporaryDatabasePath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("gateway-tests-\(UUID().uuidString)/gateway.sqlite").path
}

/// Runs a gateway on 127.0.0.1 (a free port) with real services for the duration of `body`.
///
/// The semantic layer runs on the lexical embedder unless `embedder` says otherwise: most tests
/// are about other things, and the MiniLM model's CPU time would only slow them down.
func withGateway<T: Sendable>(
    _ configuration: GatewayConfiguration,
    databasePath: String,
    embedder: SemanticSettings.EmbedderChoice = .lexical,
    logger: Logger = Logger(label: "gateway-test", factory: { _ in SwiftLogNoOpLogHandler() }),
    _ body: @escaping @Sendable (any TestClientProtocol) async throws -> T
) async throws -> T {
    var configuration = configuration
    configuration.semantic.embedder = embedder
    var options = GatewayOptions()
    options.port = 0
    options.databasePath = databasePath
    let app = try await buildApplication(options: options, configuration: configuration, logger: logger)
    return try await app.test(.live) { client in try await body(client) }
}

/// One API-channel message body.
func apiMessage(id: String, from sender: String = "cust-1", text: String) -> String {
    #"{"id":"\#(id)","from":{"id":"\#(sender)","name":"Ada"},"text":"\#(text)"}"#
}

extension TestClientProtocol {
    /// POSTs `body` to the channel's webhook, signed with `secret` (unsigned when nil).
    func postWebhook(_ body: String, channel: String = "bakery-api", secret: Secret? = testSecret, signature: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        let name = HTTPField.Name("X-Signature")!
        if let signature {
            headers[name] = signature
        } else if let secret {
            headers[name] = APIChannelSignature.headerValue(for: Data(body.utf8), secret: secret)
        }
        return try await execute(uri: "/webhooks/\(channel)", method: .post, headers: headers, body: ByteBuffer(string: body)) { $0 }
    }
}

extension TestResponse {
    var bodyText: String { String(buffer: body) }

    /// The `error.code` of a JSON error envelope.
    var errorCode: String? {
        try? JSONDecoder().decode(ErrorEnvelope.self, from: Data(buffer: body)).error.code
    }
}

/// Polls `condition` until it holds or `timeout` passes.
func eventually(timeout: Duration = .seconds(10), _ what: String, _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(20))
    }
    Issue.record("timed out waiting until \(what)")
    throw CancellationError()
}

/// Opens the database a gateway under test writes, to check what it stored.
func openStore(_ path: String) async throws -> SQLiteStore {
    try await SQLiteStore.open(path: path, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
}
