import APIChannel
import ChannelKit
import Foundation
import Testing

@Suite struct SignatureTests {
    @Test func acceptsTheDocumentedExample() throws {
        let adapter = try TestChannel.adapter()
        let request = TestChannel.request(TestChannel.documentedBody, signature: TestChannel.documentedSignature)
        try adapter.verify(request)
    }

    @Test func theHelperComputesTheDocumentedSignature() {
        let value = APIChannelSignature.headerValue(for: Data(TestChannel.documentedBody.utf8), secret: TestChannel.secret)
        #expect(value == TestChannel.documentedSignature)
    }

    @Test func acceptsUpperCaseHex() throws {
        let adapter = try TestChannel.adapter()
        let upper = "sha256=" + TestChannel.documentedSignature.dropFirst("sha256=".count).uppercased()
        try adapter.verify(TestChannel.request(TestChannel.documentedBody, signature: upper))
    }

    @Test func rejectsAMissingSignature() throws {
        let adapter = try TestChannel.adapter()
        for signature in [nil, "", "  "] as [String?] {
            let error = try #require(throws: WebhookError.self) {
                try adapter.verify(TestChannel.request(TestChannel.documentedBody, signature: signature))
            }
            #expect(error.status == 401)
            #expect(error.code == "missing_signature")
            #expect(error.message.contains("X-Signature"))
        }
    }

    @Test(arguments: [
        ("sha1=7572be21e7847661526b0e20c7a191f3fb8f75a3", "sha256="),
        ("7572be21e7847661526b0e20c7a191f3fb8f75a3855ee64f283d4593b583e101", "sha256="),
        ("sha256=7572be21e7847661526b0e20c7a191f3", "64 hex digits"),
        ("sha256=zz72be21e7847661526b0e20c7a191f3fb8f75a3855ee64f283d4593b583e101", "64 hex digits"),
        ("sha256=7572be21e7847661526b0e20c7a191f3fb8f75a3855ee64f283d4593b583e10100", "64 hex digits"),
    ])
    func rejectsAMalformedSignature(signature: String, reason: String) throws {
        let adapter = try TestChannel.adapter()
        let error = try #require(throws: WebhookError.self) {
            try adapter.verify(TestChannel.request(TestChannel.documentedBody, signature: signature))
        }
        #expect(error.status == 401)
        #expect(error.code == "invalid_signature")
        #expect(error.message.contains(reason))
    }

    @Test func rejectsASignatureMadeWithAnotherSecret() throws {
        let adapter = try TestChannel.adapter()
        let body = Data(TestChannel.documentedBody.utf8)
        let forged = "sha256=" + Signature.hmacSHA256Hex(key: Secret("guessed-secret"), data: body)
        let error = try #require(throws: WebhookError.self) {
            try adapter.verify(TestChannel.request(TestChannel.documentedBody, signature: forged))
        }
        #expect(error.status == 401)
        #expect(error.code == "invalid_signature")
    }

    @Test func rejectsABodyChangedAfterSigning() throws {
        let adapter = try TestChannel.adapter()
        let tampered = TestChannel.documentedBody.replacingOccurrences(of: "order?", with: "order!")
        #expect(tampered != TestChannel.documentedBody)
        let error = try #require(throws: WebhookError.self) {
            try adapter.verify(TestChannel.request(tampered, signature: TestChannel.documentedSignature))
        }
        #expect(error.status == 401)
        #expect(error.code == "invalid_signature")
    }

    @Test func rejectsABodyWithAddedWhitespace() throws {
        let adapter = try TestChannel.adapter()
        let error = try #require(throws: WebhookError.self) {
            try adapter.verify(TestChannel.request(TestChannel.documentedBody + "\n", signature: TestChannel.documentedSignature))
        }
        #expect(error.code == "invalid_signature")
    }

    @Test func acceptsOnlyPost() throws {
        let adapter = try TestChannel.adapter()
        var request = TestChannel.signedRequest(TestChannel.documentedBody)
        request.method = "GET"
        let error = try #require(throws: WebhookError.self) { try adapter.verify(request) }
        #expect(error.status == 405)
        #expect(error.code == "method_not_allowed")
    }
}
