import ChannelKit
import EmailChannel
import Foundation
import Testing

/// Inbound Parse posts are not signed: the channel authenticates them by a secret path segment
/// or by Basic credentials in the URL.
@Suite struct InboundAuthTests {
    static let basicSecrets: [String: Secret] = ["apiKey": TestMailbox.apiKey, "inboundPassword": Secret("s3cret-pa55word")]
    static let basicSettings: [String: JSONValue?] = ["inboundAuth": .string("basic"), "inboundUser": .string("sendgrid")]

    static func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }

    @Test(arguments: ["/3f9c1e7a5b2d4f6e8a0c", "/3f9c1e7a5b2d4f6e8a0c/"])
    func thePathSecretIsAccepted(subpath: String) throws {
        try TestMailbox.adapter().verify(TestMailbox.inboundPost(InboundFixtures.parsedPost(), subpath: subpath))
    }

    @Test func aMissingPathSecretIs401() throws {
        let error = try #require(throws: WebhookError.self) {
            try TestMailbox.adapter().verify(TestMailbox.inboundPost(InboundFixtures.parsedPost(), subpath: ""))
        }
        #expect(error.status == 401)
        #expect(error.code == "missing_secret")
    }

    @Test(arguments: ["/3f9c1e7a5b2d4f6e8a0d", "/3f9c1e7a5b2d4f6e8a0", "/3f9c1e7a5b2d4f6e8a0c0", "/x"])
    func aWrongPathSecretIs403(subpath: String) throws {
        let error = try #require(throws: WebhookError.self) {
            try TestMailbox.adapter().verify(TestMailbox.inboundPost(InboundFixtures.parsedPost(), subpath: subpath))
        }
        #expect(error.status == 403)
        #expect(error.code == "forbidden")
    }

    @Test func basicCredentialsAreAccepted() throws {
        let adapter = try TestMailbox.adapter(settings: Self.basicSettings, secrets: Self.basicSecrets)
        var request = TestMailbox.inboundPost(InboundFixtures.parsedPost(), subpath: "")
        request.headers["Authorization"] = Self.basic("sendgrid", "s3cret-pa55word")
        try adapter.verify(request)
        _ = try onlyMessage(adapter.parse(request))
    }

    @Test(arguments: [
        (nil, "missing_credentials"),
        ("Bearer abc", "missing_credentials"),
        ("Basic !!!", "missing_credentials"),
        (InboundAuthTests.basic("sendgrid", "wrong"), "invalid_credentials"),
        (InboundAuthTests.basic("other", "s3cret-pa55word"), "invalid_credentials"),
        (InboundAuthTests.basic("sendgrid", "s3cret-pa55word2"), "invalid_credentials"),
    ] as [(String?, String)])
    func wrongBasicCredentialsAre401(authorization: String?, code: String) throws {
        let adapter = try TestMailbox.adapter(settings: Self.basicSettings, secrets: Self.basicSecrets)
        var request = TestMailbox.inboundPost(InboundFixtures.parsedPost(), subpath: "")
        request.headers["Authorization"] = authorization
        let error = try #require(throws: WebhookError.self) { try adapter.verify(request) }
        #expect(error.status == 401)
        #expect(error.code == code)
    }

    @Test func basicAuthTakesNoPathSegment() throws {
        let adapter = try TestMailbox.adapter(settings: Self.basicSettings, secrets: Self.basicSecrets)
        var request = TestMailbox.inboundPost(InboundFixtures.parsedPost(), subpath: "/anything")
        request.headers["Authorization"] = Self.basic("sendgrid", "s3cret-pa55word")
        let error = try #require(throws: WebhookError.self) { try adapter.verify(request) }
        #expect(error.status == 404)
    }

    @Test func onlyPostIsAccepted() throws {
        var request = TestMailbox.inboundPost(InboundFixtures.parsedPost())
        request.method = "GET"
        let error = try #require(throws: WebhookError.self) { try TestMailbox.adapter().verify(request) }
        #expect(error.status == 405)
    }

    @Test(arguments: [nil, "application/x-www-form-urlencoded", "multipart/form-data", "multipart/mixed; boundary=xYzZY"] as [String?])
    func theBodyMustBeMultipartFormDataWithABoundary(contentType: String?) throws {
        var request = TestMailbox.inboundPost(InboundFixtures.parsedPost())
        request.headers["Content-Type"] = contentType
        let error = try #require(throws: WebhookError.self) { try TestMailbox.adapter().verify(request) }
        #expect(error.status == 415)
    }

    @Test func authenticationIsCheckedBeforeTheContentType() throws {
        var request = TestMailbox.inboundPost(InboundFixtures.parsedPost(), subpath: "/wrong-secret-0000000")
        request.headers["Content-Type"] = "text/plain"
        let error = try #require(throws: WebhookError.self) { try TestMailbox.adapter().verify(request) }
        #expect(error.status == 403)
    }

    @Test func aMalformedBodyIs400() throws {
        var request = TestMailbox.inboundPost(InboundFixtures.parsedPost())
        request.body = Data("--xYzZY\r\nContent-Disposition: form-data; name=\"to\"\r\n\r\ntruncated".utf8)
        let adapter = try TestMailbox.adapter()
        try adapter.verify(request)
        let error = try #require(throws: WebhookError.self) { try adapter.parse(request) }
        #expect(error.status == 400)
        #expect(error.message.contains("closing boundary"))
    }

    @Test func acknowledgesWith200() throws {
        let response = try TestMailbox.adapter().acknowledgement(for: TestMailbox.inboundPost([]), accepted: 1, duplicates: 0)
        #expect(response.status == 200)
    }

    @Test func exposesTheMessageSizeLimit() throws {
        #expect(try TestMailbox.adapter().maxRequestBytes == 20 * 1_048_576)
        #expect(try TestMailbox.adapter(settings: ["maxMessageBytes": .number(31_457_280)]).maxRequestBytes == 31_457_280)
    }
}
