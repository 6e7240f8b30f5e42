import Hummingbird

/// What the admin API answers when no route matched, in its own error envelope: 405 with an
/// `Allow` header when the path exists with other methods, else 404 `NOT_FOUND`.
///
/// Added to the router after every route, so it wraps only the router's not-found responder.
struct AdminRouteFallback: RouterMiddleware {
    typealias Context = GatewayRequestContext

    private let prefix: String
    /// Each route's path split into components (`nil` for a `{parameter}`) and its methods.
    private let routes: [(components: [Substring?], methods: [HTTPRequest.Method])]

    init(prefix: String, routes: [Router<Context>.RouteDescription]) {
        self.prefix = prefix
        var methods: [String: [HTTPRequest.Method]] = [:]
        for route in routes where route.path.description.hasPrefix(prefix) {
            methods[route.path.description, default: []].append(route.method)
        }
        self.routes = methods.map { path, methods in
            (path.split(separator: "/").map { $0.hasPrefix("{") ? nil : $0 }, methods)
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path == prefix || path.hasPrefix(prefix + "/") else { return try await next(request, context) }
        let components = path.split(separator: "/")
        let allowed = routes.filter { route in
            route.components.count == components.count
                && zip(route.components, components).allSatisfy { pattern, component in pattern.map { $0 == component } ?? !component.isEmpty }
        }.flatMap(\.methods)
        guard !allowed.isEmpty else {
            throw AdminAPIError(.notFound, "no such API path (the operations are listed at /openapi.json)")
        }
        let list = Set(allowed.map(\.rawValue)).sorted().joined(separator: ", ")
        var error = AdminAPIError(.methodNotAllowed, "\(request.method.rawValue) is not allowed on this path; it allows \(list)")
        error.headers[.allow] = list
        throw error
    }
}
