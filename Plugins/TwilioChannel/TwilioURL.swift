/// The URL variants Twilio's helper libraries try when they check a signature.
///
/// Twilio signs the URL as configured on the number, which may or may not spell the default port
/// (`https://example.com/sms` vs `https://example.com:443/sms`) whatever the gateway's public URL
/// says. The official libraries (twilio-python `RequestValidator.validate`, twilio-node
/// `validateRequest`) therefore accept a signature over the URL with its port removed, or with the
/// scheme's default port added when it has none. Everything else (path, query, encoding) is kept
/// byte for byte.
enum TwilioURL {
    /// The URL as given, then without its port, then with the default port (443 for https, 80
    /// otherwise) when it has none; duplicates removed.
    static func candidates(for url: String) -> [String] {
        var results = [url]
        guard let parts = split(url) else { return results }
        let variants: [String] = if parts.port != nil {
            [parts.prefix + parts.host + parts.rest]
        } else {
            [parts.prefix + parts.host + ":" + (parts.scheme == "https" ? "443" : "80") + parts.rest]
        }
        for variant in variants where !results.contains(variant) {
            results.append(variant)
        }
        return results
    }

    /// A URL cut around its host and port: `prefix` is the scheme, `://` and any user info,
    /// `rest` the path, query and fragment.
    private struct Parts {
        var scheme: String
        var prefix: String
        var host: String
        var port: String?
        var rest: String
    }

    private static func split(_ url: String) -> Parts? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        let authorityStart = schemeEnd.upperBound
        let authorityEnd = url[authorityStart...].firstIndex { "/?#".contains($0) } ?? url.endIndex
        let authority = url[authorityStart..<authorityEnd]
        var hostStart = authority.startIndex
        if let at = authority.lastIndex(of: "@") {
            hostStart = authority.index(after: at)
        }
        let hostAndPort = authority[hostStart...]
        var host = hostAndPort
        var port: Substring?
        // The port is after the last colon, unless that colon is inside an IPv6 literal.
        if let colon = hostAndPort.lastIndex(of: ":"), !hostAndPort[colon...].contains("]") {
            let digits = hostAndPort[hostAndPort.index(after: colon)...]
            guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
            host = hostAndPort[..<colon]
            port = digits
        }
        guard !host.isEmpty else { return nil }
        return Parts(
            scheme: scheme,
            prefix: String(url[..<hostStart]),
            host: String(host),
            port: port.map(String.init),
            rest: String(url[authorityEnd...])
        )
    }
}
