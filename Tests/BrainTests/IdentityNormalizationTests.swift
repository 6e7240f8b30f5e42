import Brain
import ChannelKit
import Testing

@Suite struct IdentityNormalizationTests {
    struct PhoneCase: Sendable, CustomTestStringConvertible {
        var raw: String
        var region: String
        var expected: String?
        var testDescription: String { "\"\(raw)\" in \(region)" }

        init(_ raw: String, _ region: String, _ expected: String?) {
            self.raw = raw
            self.region = region
            self.expected = expected
        }
    }

    static let phones: [PhoneCase] = [
        // The examples every caller relies on.
        PhoneCase("+1 (415) 555-0100", "US", "+14155550100"),
        PhoneCase("(415) 555-0100", "US", "+14155550100"),
        PhoneCase("whatsapp:+14155550100", "US", "+14155550100"),
        PhoneCase("1-415-555-0100", "US", "+14155550100"),
        PhoneCase("07700 900123", "GB", "+447700900123"),
        PhoneCase("+44 (0)7700 900123", "GB", "+447700900123"),
        PhoneCase("0033 6 12 34 56 78", "DE", "+33612345678"),
        PhoneCase("06 12 34 56 78", "FR", "+33612345678"),
        PhoneCase("hello", "US", nil),
        PhoneCase("123", "US", nil),
        // Channel prefixes.
        PhoneCase("tel:+1-415-555-0100", "GB", "+14155550100"),
        PhoneCase("tel:+1-415-555-0100;ext=12", "US", "+14155550100"),
        PhoneCase("SMS:+447700900123", "US", "+447700900123"),
        PhoneCase("voice: +1 415 555 0100", "US", "+14155550100"),
        PhoneCase("client:alice", "US", nil),
        PhoneCase("sip:+14155550100@example.com", "US", nil),
        // Separators and other ways of writing the same digits.
        PhoneCase("415.555.0100", "US", "+14155550100"),
        PhoneCase("  4155550100 ", "CA", "+14155550100"),
        PhoneCase("+44\u{00A0}7700\u{2013}900123", "GB", "+447700900123"),
        PhoneCase("+٤٤٧٧٠٠٩٠٠١٢٣", "GB", "+447700900123"),
        PhoneCase("\u{FF0B}447700900123", "GB", "+447700900123"),
        PhoneCase("+41 (0)44 668 18 00", "US", "+41446681800"),
        PhoneCase("0044 (0)20 7946 0018", "FR", "+442079460018"),
        // International prefixes other than 00.
        PhoneCase("011 44 7700 900123", "US", "+447700900123"),
        PhoneCase("0011 44 7700 900123", "AU", "+447700900123"),
        PhoneCase("010 44 7700 900123", "JP", "+447700900123"),
        // National numbers across the table, trunk prefixes dropped (or kept where there is none).
        PhoneCase("030 12345678", "DE", "+493012345678"),
        PhoneCase("06 1234 5678", "IT", "+390612345678"),
        PhoneCase("612 34 56 78", "ES", "+34612345678"),
        PhoneCase("06 30 123 4567", "HU", "+36301234567"),
        PhoneCase("8 (912) 345-67-89", "RU", "+79123456789"),
        PhoneCase("0412 345 678", "AU", "+61412345678"),
        PhoneCase("090-1234-5678", "JP", "+819012345678"),
        PhoneCase("098765 43210", "IN", "+919876543210"),
        PhoneCase("(11) 91234-5678", "BR", "+5511912345678"),
        PhoneCase("55 1234 5678", "MX", "+525512345678"),
        PhoneCase("082 123 4567", "ZA", "+27821234567"),
        PhoneCase("0803 123 4567", "NG", "+2348031234567"),
        PhoneCase("9123 4567", "SG", "+6591234567"),
        PhoneCase("021 123 4567", "NZ", "+64211234567"),
        PhoneCase("07700 900123", "gb", "+447700900123"),
        // Not plausible.
        PhoneCase("", "US", nil),
        PhoneCase("+", "US", nil),
        PhoneCase("++14155550100", "US", nil),
        PhoneCase("1+4155550100", "US", nil),
        PhoneCase("+1 (123) 555-0100", "US", nil),
        PhoneCase("+1 415 155 0100", "US", nil),
        PhoneCase("+1 415 555 010", "US", nil),
        PhoneCase("555-0100", "US", nil),
        PhoneCase("+0 44 7700 900123", "US", nil),
        PhoneCase("+44 7700 900123 4567 8", "GB", nil),
        PhoneCase("+1 415 555 0100 x12", "US", nil),
        PhoneCase("07700 900123", "XX", nil),
        PhoneCase("+447700900123", "XX", "+447700900123"),
    ]

    @Test(arguments: phones)
    func phoneNumbersNormalizeToE164(_ example: PhoneCase) {
        #expect(PhoneNumber.normalize(example.raw, defaultRegion: example.region) == example.expected)
    }

    @Test(arguments: [
        ("ada@example.com", "ada@example.com"),
        ("  Ada@Example.COM \n", "ada@example.com"),
        ("Ada <Ada@Example.com>", "ada@example.com"),
        ("\"Lovelace, Ada\" <ada@example.com>", "ada@example.com"),
        ("mailto:ADA@example.com", "ada@example.com"),
        ("MAILTO:ada@example.com?subject=Hello", "ada@example.com"),
        ("ada.lovelace+news@mail.example.co.uk", "ada.lovelace+news@mail.example.co.uk"),
        ("ada@xn--bcher-kva.example", "ada@xn--bcher-kva.example"),
    ])
    func emailAddressesNormalize(_ raw: String, _ expected: String) {
        #expect(EmailAddress.normalize(raw) == expected)
    }

    @Test(arguments: [
        "", "ada", "ada@", "@example.com", "ada@example", "ada@@example.com", "ada@example.c",
        "a b@example.com", "ada@exa mple.com", ".ada@example.com", "ada.@example.com", "ada..l@example.com",
        "ada@-example.com", "ada@example..com", "Ada <ada@example.com", "ada@example.123",
    ])
    func malformedEmailAddressesAreRejected(_ raw: String) {
        #expect(EmailAddress.normalize(raw) == nil)
    }

    @Test func onlySMSWhatsAppAndVoiceProveAPhoneAndOnlyEmailProvesAnAddress() {
        let proven = ChannelKind.allCases.map { ($0, IdentityEvidence.provenKind(on: $0)) }
        for (kind, identifier) in proven {
            switch kind {
            case .sms, .whatsapp, .voice: #expect(identifier == .phone, "\(kind)")
            case .email: #expect(identifier == .email, "\(kind)")
            case .api, .telegram, .instagram, .webchat: #expect(identifier == nil, "\(kind)")
            }
        }
    }

    @Test func theSenderOfAnSMSProvesTheirNumber() throws {
        let sender = Participant(channelUserID: "+14155550100", phone: "+1 212 555 0199", email: "Ada@Example.com")
        let evidence = IdentityEvidence(sender: sender, channel: IdentityChannels.sms, defaultRegion: "US")
        let phone = try #require(evidence.phone)
        #expect(phone.value == "+14155550100")
        #expect(phone.isProven)
        #expect(phone.description == "phone +14155550100 proven by sms channel acme-sms")
        #expect(evidence.email?.isProven == false)
        #expect(evidence.isVerified)
        #expect(evidence.linkCandidates.map(\.kind) == [.phone, .email])
    }

    @Test func aWebChatVisitorOnlyClaimsWhatTheyType() throws {
        let sender = Participant(channelUserID: "visitor-7", displayName: "Ada", phone: "(415) 555-0100", email: " ADA@example.com ")
        let evidence = IdentityEvidence(sender: sender, channel: IdentityChannels.webchat, defaultRegion: "US")
        #expect(evidence.phone?.value == "+14155550100")
        #expect(evidence.phone?.isProven == false)
        let email = try #require(evidence.email)
        #expect(email.description == "email ada@example.com claimed on webchat channel acme-chat")
        #expect(!evidence.isVerified)
    }

    @Test func aProvenEmailIsTriedBeforeAClaimedPhone() {
        let sender = Participant(channelUserID: "Ada Lovelace <ada@example.com>", phone: "+14155550100")
        let evidence = IdentityEvidence(sender: sender, channel: IdentityChannels.email, defaultRegion: "US")
        #expect(evidence.linkCandidates.map(\.kind) == [.email, .phone])
        #expect(evidence.email?.isProven == true)
    }

    @Test func aVoiceClientIsNotAPhoneNumber() {
        let evidence = IdentityEvidence(sender: Participant(channelUserID: "client:alice"), channel: IdentityChannels.voice, defaultRegion: "US")
        #expect(evidence.phone == nil)
        #expect(!evidence.isVerified)
    }
}
