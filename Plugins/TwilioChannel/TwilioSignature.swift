import ChannelKit
import Foundation

/// Twilio's request signature, `X-Twilio-Signature`, as its official helper libraries check it.
///
/// The signature is `Base64(HMAC-SHA1(authToken, url + name₁ + value₁ + name₂ + value₂ …))`
/// where `url` is the webhook URL exactly as Twilio called it (query string included) and the
/// POST parameters, form-decoded, are taken in order of name; a name posted several times
/// contributes each distinct value, values in sorted order (twilio-python `compute_signature`,
/// twilio-node `getExpectedTwilioSignature`). Strings are compared by their UTF-8 bytes, which is
/// the code-point order those libraries sort by.
///
/// JSON webhooks carry no parameters: Twilio adds `bodySHA256=<hex SHA-256 of the body>` to the
/// URL it signs, so the signature covers the URL alone and the body must hash to that value.
///
/// ```swift
/// try TwilioSignature.verify(request, authToken: token)   // throws 401 when it does not match
/// ```
public enum TwilioSignature {
    /// The header Twilio puts the signature in.
    public static let header = "X-Twilio-Signature"
    /// The query parameter carrying the body's hash on JSON webhooks.
    public static let bodyHashParameter = "bodySHA256"

    /// The signature of `url` with `parameters` (already form-decoded), as Twilio computes it.
    public static func compute(url: String, parameters: [(name: String, value: String)], authToken: Secret) -> String {
        var valuesByName: [String: Set<String>] = [:]
        for parameter in parameters {
            valuesByName[parameter.name, default: []].insert(parameter.value)
        }
        var data = url
        for name in valuesByName.keys.sorted(by: utf8Order) {
            for value in (valuesByName[name] ?? []).sorted(by: utf8Order) {
                data += name + value
            }
        }
        return Signature.hmacSHA1Base64(key: authToken, data: Data(data.utf8))
    }

    /// Whether `signature` is Twilio's for `url` and `parameters`, trying the URL as given, without
    /// its port, and with the scheme's default port (see the type's documentation).
    public static func isValid(_ signature: String, url: String, parameters: [(name: String, value: String)], authToken: Secret) -> Bool {
        var valid = false
        // Every candidate is computed and compared, so the time taken says nothing about which matched.
        for candidate in TwilioURL.candidates(for: url) {
            let expected = compute(url: candidate, parameters: parameters, authToken: authToken)
            valid = Signature.constantTimeEquals(expected, signature) || valid
        }
        return valid
    }

    /// Accepts only a form POST (what Twilio's Messaging and Voice webhooks send) signed with
    /// `authToken`, then checks the signature as ``verify(_:authToken:)`` does.
    ///
    /// - Parameter product: named in the 415 reason ("Twilio Voice webhooks are …").
    /// - Throws: 405 for other methods; 415 for other content types; the signature's errors.
    public static func verifyForm(_ request: WebhookRequest, authToken: Secret, product: String) throws(WebhookError) {
        guard request.method == "POST" else {
            throw WebhookError.methodNotAllowed(request.method)
        }
        let contentType = request.headers["Content-Type"]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
            throw WebhookError.unsupportedMediaType("\(product) webhooks are application/x-www-form-urlencoded")
        }
        try verify(request, authToken: authToken)
    }

    /// Checks a webhook request's signature against `authToken`, over its ``WebhookRequest/publicURL``.
    ///
    /// When the URL has a `bodySHA256` query parameter the request is a JSON webhook: the body must
    /// hash to it and the signature covers the URL alone. Otherwise the body is read as a form and
    /// its parameters are signed.
    ///
    /// - Throws: 401 `missing_signature` without the header; 401 `invalid_signature` when the
    ///   signature or the body hash does not match; 400 `malformed_payload` for a body that is
    ///   not a readable form.
    public static func verify(_ request: WebhookRequest, authToken: Secret) throws(WebhookError) {
        guard let signature = request.headers[header]?.trimmingCharacters(in: .whitespaces), !signature.isEmpty else {
            throw WebhookError.missingSignature(header)
        }
        let parameters: [(name: String, value: String)]
        if let bodyHash = bodyHash(in: request.publicURL) {
            guard Signature.constantTimeEquals(Signature.sha256Hex(request.body), bodyHash.lowercased()) else {
                throw WebhookError.invalidSignature("the body does not match the \(bodyHashParameter) the request was signed with")
            }
            parameters = []
        } else {
            parameters = try FormFields.decode(request.body)
        }
        guard isValid(signature, url: request.publicURL, parameters: parameters, authToken: authToken) else {
            throw WebhookError.invalidSignature(
                "the \(header) header does not match the request; check that the gateway's public URL is the one configured at Twilio"
            )
        }
    }

    /// The `bodySHA256` value of the URL's query, if any.
    private static func bodyHash(in url: String) -> String? {
        guard let query = url.split(separator: "?", maxSplits: 1).dropFirst().first else { return nil }
        let withoutFragment = query.split(separator: "#", maxSplits: 1).first ?? ""
        for pair in withoutFragment.split(separator: "&") {
            let halves = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if halves[0] == bodyHashParameter, halves.count > 1 {
                return String(halves[1])
            }
        }
        return nil
    }

    private static func utf8Order(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
