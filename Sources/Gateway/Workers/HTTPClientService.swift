import AsyncHTTPClient
import ServiceLifecycle

/// Owns the HTTP client the gateway's services share (dispatcher, LLM transport, pollers,
/// acceptance requests) and shuts it down after them: services stop in the reverse order they
/// were added, so add this one first.
struct HTTPClientService: Service {
    let client: HTTPClient

    init(timeout: HTTPClient.Configuration.Timeout = .init(connect: .seconds(5))) {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = timeout
        configuration.redirectConfiguration = .disallow
        self.client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    func run() async throws {
        try? await gracefulShutdown()
        try await client.shutdown()
    }
}
