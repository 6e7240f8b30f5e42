import Foundation

/// Browser origins (`scheme://host[:port]`), as the `Origin` header and `allowedOrigins` carry them.
public enum WebChatOrigin {
    /// The canonical form of an origin (lower-case scheme and host, default port dropped), `*`
    /// for any, or nil when `text` is not an http(s) origin (a path or query makes it a URL, not
    /// an origin).
    public static func normalize(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "*" { return "*" }
        guard let components = URLComponents(string: trimmed),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host?.lowercased(), !host.isEmpty,
              components.path.isEmpty || components.path == "/",
              components.query == nil, components.fragment == nil, components.user == nil
        else { return nil }
        let defaultPort = scheme == "https" ? 443 : 80
        let port = components.port.flatMap { $0 == defaultPort ? nil : $0 }
        return "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "")
    }

    /// Whether a page of `origin` may open the socket: it is one of the gateway's own origins
    /// or an allowed one. A request without an `Origin` header is not from a browser page and
    /// is refused too (browsers always send it on WebSocket upgrades).
    public static func isAllowed(_ origin: String?, allowed: [String], own: [String]) -> Bool {
        guard let origin, let normalized = normalize(origin), normalized != "*" else { return false }
        if allowed.contains("*") { return true }
        return allowed.contains(normalized) || own.compactMap(normalize).contains(normalized)
    }
}
