import ChannelKit
import Foundation
import Testing

@Suite struct SignatureTests {
    /// RFC 4231 test case 2 (HMAC-SHA256) and RFC 2202 test case 2 (HMAC-SHA1) share this input.
    private static let rfcKey = Secret("Jefe")
    private static let rfcData = Data("what do ya want for nothing?".utf8)

    @Test func hmacSHA256HexMatchesRFC4231() {
        let mac = Signature.hmacSHA256Hex(key: Self.rfcKey, data: Self.rfcData)
        #expect(mac == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func hmacSHA1Base64MatchesRFC2202() {
        // RFC 2202 gives effcdf6ae5eb2fa2d27416d5f184df9c259a7c79 in hex; this is its base64.
        let mac = Signature.hmacSHA1Base64(key: Self.rfcKey, data: Self.rfcData)
        #expect(mac == "7/zfauXrL6LSdBbV8YTfnCWafHk=")
    }

    @Test func hmacSHA1Base64MatchesATwilioStyleSignature() {
        // URL + sorted form fields, signed with the auth token; computed with Python's hmac module.
        let signed = "https://mycompany.com/myapp.php?foo=1&bar=2"
            + "CallSidCA1234567890ABCDE" + "Caller+12349013030" + "Digits1234" + "From+14158675310" + "To+18005551212"
        let mac = Signature.hmacSHA1Base64(key: Secret("12345"), data: Data(signed.utf8))
        #expect(mac == "yADUQgqSzuH7Q24JZuEXxH65/6Y=")
    }

    @Test func sha256HexMatchesKnownDigests() {
        #expect(Signature.sha256Hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Signature.sha256Hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func constantTimeEqualsAcceptsEqualStrings() {
        #expect(Signature.constantTimeEquals("sha256=abc123", "sha256=abc123"))
        #expect(Signature.constantTimeEquals("", ""))
        #expect(Signature.constantTimeEquals("héllo 👋", "héllo 👋"))
    }

    @Test func constantTimeEqualsRejectsUnequalStrings() {
        #expect(!Signature.constantTimeEquals("abc", "abd"))
        #expect(!Signature.constantTimeEquals("abc", "Abc"))
        #expect(!Signature.constantTimeEquals("abc", "cba"))
    }

    @Test func constantTimeEqualsRejectsDifferentLengths() {
        #expect(!Signature.constantTimeEquals("abc", "abcd"))
        #expect(!Signature.constantTimeEquals("abcd", "abc"))
        #expect(!Signature.constantTimeEquals("", "a"))
    }

    @Test func constantTimeEqualsRejectsLengthsThatDifferByAMultipleOf256() {
        // The length difference truncated to a byte is zero and the missing bytes compare as zero:
        // only the final length check tells these apart.
        #expect(!Signature.constantTimeEquals([UInt8](), [UInt8](repeating: 0, count: 256)))
        #expect(!Signature.constantTimeEquals([UInt8](repeating: 0, count: 300), [UInt8](repeating: 0, count: 44)))
    }
}
