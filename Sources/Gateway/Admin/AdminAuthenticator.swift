import Brain
import Hummingbird
import Logging

/// Authenticates `/api/v1` requests by their bearer API key (401 otherwise), limits each key's
/// request rate (429 with `Retry-After`), and puts the key in the request context.
struct AdminAuthenticator: RouterMiddleware {
    typealias Context = GatewayRequestContext

    let store: SQLiteStore
    let limiter: MessageRateLimiter
    let requestsPerMinute: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw unauthorized("send an API key as Authorization: Bearer ogk_…")
        }
        let token = String(header.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
        let key: APIKeyRecord?
        do {
            key = try await store.authenticateAPIKey(token)
        } catch {
            context.logger.error("cannot check an API key", metadata: ["error": "\(error)"])
            throw AdminAPIError(.internal, "the key could not be checked")
        }
        guard let key else { throw unauthorized("the API key is unknown or revoked") }
        if let retryAfter = limiter.take(key.id, perMinute: requestsPerMinute) {
            var error = AdminAPIError(.rateLimited, "more than \(requestsPerMinute) requests a minute with this key; retry in \(retryAfter) s")
            error.headers[.retryAfter] = "\(retryAfter)"
            throw error
        }
        var context = context
        context.apiKey = key
        context.logger[metadataKey: "api.key"] = "\(key.id)"
        return try await next(request, context)
    }

    private func unauthorized(_ message: String) -> AdminAPIError {
        var error = AdminAPIError(.unauthorized, message)
        error.headers[.wwwAuthenticate] = "Bearer"
        return error
    }
}

extension GatewayRequestContext {
    /// The authenticated key, requiring `role` (an admin may do what an agent may).
    func requireKey(_ role: APIKeyRole = .agent) throws -> APIKeyRecord {
        guard let key = apiKey else { throw AdminAPIError(.unauthorized, "no API key") }
        if role == .admin, key.role != .admin {
            throw AdminAPIError(.forbidden, "this needs an admin key; this key's role is \(key.role.rawValue)")
        }
        return key
    }
}
