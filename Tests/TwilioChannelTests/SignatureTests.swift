import ChannelKit
import Foundation
import Testing
import TwilioChannel

/// Vectors computed with Python's standard library, as twilio-python's `RequestValidator` does:
///
/// ```python
/// def sig(token, url, params):            # params: list of (name, value)
///     s = url
///     for n in sorted(set(n for n, _ in params)):
///         for v in sorted(set(v for m, v in params if m == n)):
///             s += n + v
///     return base64.b64encode(hmac.new(token.encode(), s.encode("utf-8"), hashlib.sha1).digest()).decode()
/// ```
///
/// with token `f2a4c6e8b0d1f3a5c7e9b1d3f5a7c9e1` and the parameters of `Webhooks.sms()` unless said.
@Suite struct SignatureTests {
    static let plain = "hk0dl+HFbX1Q69QoQB8DlQIWoko="       // sig(T, "https://gw.example.com/webhooks/bakery-sms", sms)
    static let with443 = "k6OXjEf9AMdcuQTyp8N+l3w0LrE="     // sig(T, "https://gw.example.com:443/webhooks/bakery-sms", sms)
    static let withQuery = "hMzwdcUX3/kZdooGu4uoXcsEdgU="   // sig(T, "https://gw.example.com/webhooks/bakery-sms?tenant=bakery&x=a%20b", sms)
    static let http80 = "aAYd3gEXc3+xFK0jReGwM13LEBc="      // sig(T, "http://gw.example.com:80/webhooks/bakery-sms", sms)

    static func parameters(_ fields: [(String, String)]) -> [(name: String, value: String)] {
        fields.map { (name: $0.0, value: $0.1) }
    }

    @Test func matchesTwilioDocumentationExample() {
        // The example of twilio.com/docs/usage/security: token 12345.
        let parameters: [(name: String, value: String)] = [
            ("CallSid", "CA1234567890ABCDE"), ("Caller", "+12349013030"), ("Digits", "1234"),
            ("From", "+12349013030"), ("To", "+18005551212"),
        ]
        let signature = TwilioSignature.compute(url: "https://mycompany.com/myapp.php?foo=1&bar=2", parameters: parameters, authToken: Secret("12345"))
        #expect(signature == "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
    }

    @Test func computesPythonVectors() {
        let sms = Self.parameters(Webhooks.sms())
        #expect(TwilioSignature.compute(url: TestAccount.webhookURL, parameters: sms, authToken: TestAccount.authToken) == Self.plain)
        #expect(TwilioSignature.compute(url: "https://gw.example.com:443/webhooks/bakery-sms", parameters: sms, authToken: TestAccount.authToken) == Self.with443)
    }

    @Test func acceptsTheSignatureOfTheURLAsGiven() throws {
        try TwilioSignature.verify(TestAccount.webhook(Webhooks.sms(), signature: Self.plain), authToken: TestAccount.authToken)
    }

    @Test func acceptsASignatureOverTheDefaultPortWhenThePublicURLHasNone() throws {
        // Twilio was configured with https://gw.example.com:443/…, the gateway knows https://gw.example.com/….
        try TwilioSignature.verify(TestAccount.webhook(Webhooks.sms(), signature: Self.with443), authToken: TestAccount.authToken)
    }

    @Test func acceptsASignatureWithoutThePortWhenThePublicURLHasIt() throws {
        let request = TestAccount.webhook(Webhooks.sms(), url: "https://gw.example.com:443/webhooks/bakery-sms", signature: Self.plain)
        try TwilioSignature.verify(request, authToken: TestAccount.authToken)
    }

    @Test func addsPort80ForHTTP() throws {
        let request = TestAccount.webhook(Webhooks.sms(), url: "http://gw.example.com/webhooks/bakery-sms", signature: Self.http80)
        try TwilioSignature.verify(request, authToken: TestAccount.authToken)
    }

    @Test func keepsTheQueryStringExactly() throws {
        let url = "https://gw.example.com/webhooks/bakery-sms?tenant=bakery&x=a%20b"
        try TwilioSignature.verify(TestAccount.webhook(Webhooks.sms(), url: url, signature: Self.withQuery), authToken: TestAccount.authToken)
        // The same signature over a URL spelled differently does not match.
        let other = TestAccount.webhook(Webhooks.sms(), url: "https://gw.example.com/webhooks/bakery-sms?x=a%20b&tenant=bakery", signature: Self.withQuery)
        #expect(throws: WebhookError.invalidSignature("the X-Twilio-Signature header does not match the request; check that the gateway's public URL is the one configured at Twilio")) {
            try TwilioSignature.verify(other, authToken: TestAccount.authToken)
        }
    }

    @Test func signsRepeatedParametersByNameThenDistinctSortedValues() throws {
        // sig(T, URL, [("Tag","b"), ("Tag","a"), ("Tag","b"), ("A","z")]) signs URL + "Az" + "Taga" + "Tagb".
        let fields = [("Tag", "b"), ("Tag", "a"), ("Tag", "b"), ("A", "z")]
        #expect(TwilioSignature.compute(url: TestAccount.webhookURL, parameters: Self.parameters(fields), authToken: TestAccount.authToken)
            == "RbTjD0yhrc4kXPTFoIB1YWV/Kgk=")
        try TwilioSignature.verify(TestAccount.webhook(fields, signature: "RbTjD0yhrc4kXPTFoIB1YWV/Kgk="), authToken: TestAccount.authToken)
    }

    @Test func signsNonASCIIValuesAsUTF8AfterFormDecoding() throws {
        // sig(T, URL, [("Body", "Grüße, café ☕ 👍 日本"), ("From", "+4915112345678"), ("MessageSid", "SM…01")]);
        // on the wire: Body=Gr%C3%BC%C3%9Fe%2C+caf%C3%A9+%E2%98%95+%F0%9F%91%8D+%E6%97%A5%E6%9C%AC
        let fields = [("Body", "Grüße, café ☕ 👍 日本"), ("From", "+4915112345678"), ("MessageSid", "SM00000000000000000000000000000001")]
        let request = TestAccount.webhook(fields, signature: "H18lICEC0OnfohU/WpNFTbVexcI=")
        #expect(String(decoding: request.body, as: UTF8.self).contains("Body=Gr%C3%BC%C3%9Fe%2C+caf%C3%A9+%E2%98%95"))
        try TwilioSignature.verify(request, authToken: TestAccount.authToken)
    }

    @Test func verifiesJSONBodiesThroughBodySHA256() throws {
        // hashlib.sha256(body).hexdigest() and sig(T, URL + "?bodySHA256=" + hash, []).
        let body = #"{"MessageSid":"SM1","From":"+14155550123"}"#
        let hash = "1f595838d05e270dea9ca0061eb01fc7e3fd8663bd656bf11ced054d22adf51d"
        #expect(Signature.sha256Hex(Data(body.utf8)) == hash)
        var request = WebhookRequest(
            method: "POST",
            headers: ["Content-Type": "application/json", "X-Twilio-Signature": "VJS2nTOGLxWWi9Ak5hUJX635kjM="],
            body: Data(body.utf8),
            publicURL: TestAccount.webhookURL + "?bodySHA256=" + hash
        )
        try TwilioSignature.verify(request, authToken: TestAccount.authToken)

        request.body = Data(#"{"MessageSid":"SM2","From":"+14155550123"}"#.utf8)
        let error = try #require(throws: WebhookError.self) { try TwilioSignature.verify(request, authToken: TestAccount.authToken) }
        #expect(error.code == "invalid_signature")
        #expect(error.message.contains("bodySHA256"))
    }

    @Test func refusesAMissingHeaderWith401() throws {
        let error = try #require(throws: WebhookError.self) {
            try TwilioSignature.verify(TestAccount.webhook(Webhooks.sms(), signature: ""), authToken: TestAccount.authToken)
        }
        #expect(error.status == 401)
        #expect(error.code == "missing_signature")
        #expect(error.message.contains("X-Twilio-Signature"))
    }

    @Test(arguments: ["hk0dl+HFbX1Q69QoQB8DlQIWokp=", "hk0dl+HFbX1Q69QoQB8DlQIWoko", "", "garbage"])
    func refusesAWrongSignatureWith401(signature: String) throws {
        let request = TestAccount.webhook(Webhooks.sms(), signature: signature.isEmpty ? "x" : signature)
        let error = try #require(throws: WebhookError.self) { try TwilioSignature.verify(request, authToken: TestAccount.authToken) }
        #expect(error.status == 401)
        #expect(error.code == "invalid_signature")
    }

    @Test func refusesATamperedBody() throws {
        let signed = TestAccount.webhook(Webhooks.sms("Hello there"), signature: Self.plain)
        var tampered = TestAccount.webhook(Webhooks.sms("Hello there!"), signature: Self.plain)
        tampered.publicURL = signed.publicURL
        #expect(throws: WebhookError.self) { try TwilioSignature.verify(tampered, authToken: TestAccount.authToken) }
    }

    @Test func refusesAnotherToken() {
        #expect(throws: WebhookError.self) {
            try TwilioSignature.verify(TestAccount.webhook(Webhooks.sms(), signature: Self.plain), authToken: Secret("00000000000000000000000000000000"))
        }
    }
}
