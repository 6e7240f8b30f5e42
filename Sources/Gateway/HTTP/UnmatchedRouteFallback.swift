import Hummingbird

/// What the gateway answers when no route matched: 405 with an `Allow` header when the path
/// exists with other methods (RFC 9110, 15.5.6), else 404. Under the admin API's prefix both are
/// in its error envelope (`METHOD_NOT_ALLOWED`, `NOT_FOUND`).
///
/// Added to the router after every route, so it wraps only the router's not-found responder.
struct UnmatchedRouteFallback: RouterMiddleware {
    typealias Context = GatewayRequestContext

    private let apiPrefix: String
    /// Each route's path split into components (`nil` for a `{parameter}`) and its methods.
    private let routes: [(components: [Substring?], methods: [HTTPRequest.Method])]

    init(routes: [Router<Context>.RouteDescription], apiPrefix: String) {
        self.apiPrefix = apiPrefix
        var methods: [String: [HTTPRequest.Method]] = [:]
        for route in routes {
            methods[route.path.description, default: []].append(route.method)
        }
        self.routes = methods.map { path, methods in
            (path.split(separator: "/").map { $0.hasPrefix("{") ? nil : $0 }, methods)
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        let isAPI = path == apiPrefix || path.hasPrefix(apiPrefix + "/")
        let components = path.split(separator: "/")
        let allowed = routes.filter { route in
            route.components.count == components.count
                && zip(route.components, components).allSatisfy { pattern, component in pattern.map { $0 == component } ?? true }
        }.flatMap(\.methods)
        guard !allowed.isEmpty else {
            if isAPI { throw AdminAPIError(.notFound, "no such API path (the operations are listed at /openapi.json)") }
            return try await next(request, context)
        }
        let list = Set(allowed.map(\.rawValue)).sorted().joined(separator: ", ")
        let message = "\(request.method.rawValue) is not allowed on this path; it allows \(list)"
        guard isAPI else { throw HTTPError(.methodNotAllowed, headers: [.allow: list], message: message) }
        var error = AdminAPIError(.methodNotAllowed, message)
        error.headers[.allow] = list
        throw error
    }
}
