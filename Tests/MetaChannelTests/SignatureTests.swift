import ChannelKit
import Foundation
import MetaChannel
import Testing

@Suite struct SignatureTests {
    @Test func acceptsMetasSignatureOfTheRawBody() throws {
        let adapter = try WhatsAppTestChannel.adapter()
        try adapter.verify(MetaApp.request(WhatsAppPayloads.text, signature: WhatsAppPayloads.textSignature))
    }

    @Test func theHelperComputesThePythonSignature() {
        let value = MetaSignature.headerValue(for: Data(WhatsAppPayloads.text.utf8), appSecret: MetaApp.appSecret)
        #expect(value == WhatsAppPayloads.textSignature)
    }

    @Test func acceptsUpperCaseHex() throws {
        let adapter = try WhatsAppTestChannel.adapter()
        let upper = "sha256=" + WhatsAppPayloads.textSignature.dropFirst("sha256=".count).uppercased()
        try adapter.verify(MetaApp.request(WhatsAppPayloads.text, signature: upper))
    }

    @Test func rejectsAMissingSignature() throws {
        let adapter = try WhatsAppTestChannel.adapter()
        for signature in [nil, "", "   "] as [String?] {
            let error = try #require(throws: WebhookError.self) {
                try adapter.verify(MetaApp.request(WhatsAppPayloads.text, signature: signature))
            }
            #expect(error.status == 401)
            #expect(error.code == "missing_signature")
            #expect(error.message.contains("X-Hub-Signature-256"))
        }
    }

    @Test func rejectsAnotherAlgorithmWithAClearReason() throws {
        let adapter = try WhatsAppTestChannel.adapter()
        // Meta's older header, X-Hub-Signature, carries sha1=; it is not accepted in place of sha256.
        let sha1 = "sha1=" + String(WhatsAppPayloads.textSignature.dropFirst("sha256=".count).prefix(40))
        let error = try #require(throws: WebhookError.self) {
            try adapter.verify(MetaApp.request(WhatsAppPayloads.text, signature: sha1))
        }
        #expect(error.status == 401)
        #expect(error.code == "invalid_signature")
        #expect(error.message.contains("sha256"))
        #expect(error.message.contains("\"sha1=\""))
    }

    @Test(arguments: [
        "6bdb2ee9f24f0d0ec1c2edb8e5252cc995721d7cf5f31f555cb171067826affe",
        "sha256=6bdb2ee9f24f0d0ec1c2edb8e5252cc9",
        "sha256=zzdb2ee9f24f0d0ec1c2edb8e5252cc995721d7cf5f31f555cb171067826affe",
        "sha256=6bdb2ee9f24f0d0ec1c2edb8e5252cc995721d7cf5f31f555cb171067826affe00",
    ])
    func rejectsAMalformedSignature(signature: String) throws {
        let adapter = try WhatsAppTestChannel.adapter()
        let error = try #require(throws: WebhookError.self) {
            try adapter.verify(MetaApp.request(WhatsAppPayloads.text, signature: signature))
        }
        #expect(error.status == 401)
        #expect(error.code == "invalid_signature")
        #expect(error.message.contains("64 hex digits"))
    }

    @Test func rejectsASignatureMadeWithAnotherSecret() throws {
        let adapter = try WhatsAppTestChannel.adapter()
        let forged = MetaSignature.headerValue(for: Data(WhatsAppPayloads.text.utf8), appSecret: Secret("guessed"))
        let error = try #require(throws: WebhookError.self) {
            try adapter.verify(MetaApp.request(WhatsAppPayloads.text, signature: forged))
        }
        #expect(error.status == 401)
        #expect(error.code == "invalid_signature")
        #expect(!error.message.contains("test-app-secret"))
    }

    @Test func rejectsABodyChangedAfterSigning() throws {
        let adapter = try WhatsAppTestChannel.adapter()
        let tampered = WhatsAppPayloads.text.replacingOccurrences(of: "color?", with: "color!")
        let error = try #require(throws: WebhookError.self) {
            try adapter.verify(MetaApp.request(tampered, signature: WhatsAppPayloads.textSignature))
        }
        #expect(error.code == "invalid_signature")
    }

    @Test func acceptsOnlyPost() throws {
        let adapter = try WhatsAppTestChannel.adapter()
        var request = MetaApp.signedRequest(WhatsAppPayloads.text)
        request.method = "PUT"
        let error = try #require(throws: WebhookError.self) { try adapter.verify(request) }
        #expect(error.status == 405)
    }

    @Test func instagramUsesTheSameScheme() throws {
        let adapter = try InstagramTestChannel.adapter()
        try adapter.verify(MetaApp.signedRequest(InstagramPayloads.text))
        let error = try #require(throws: WebhookError.self) {
            try adapter.verify(MetaApp.request(InstagramPayloads.text, signature: WhatsAppPayloads.textSignature))
        }
        #expect(error.code == "invalid_signature")
        let missing = try #require(throws: WebhookError.self) {
            try adapter.verify(MetaApp.request(InstagramPayloads.text, signature: nil))
        }
        #expect(missing.code == "missing_signature")
    }
}
