import ChannelKit
import Foundation
import Testing
import WebChatChannel

@Suite struct VisitorTokenTests {
    let key = Secret("0123456789abcdef0123456789abcdef")
    let issued = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func newVisitorIDsAreRandomAndURLSafe() {
        let ids = Set((0..<100).map { _ in VisitorToken.newVisitorID() })
        #expect(ids.count == 100)
        for id in ids {
            #expect(id.hasPrefix("v_") && id.count == 24)
            #expect(id.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
        }
    }

    @Test func roundTrips() {
        let token = VisitorToken(visitorID: "v_abc", issuedAt: issued)
        let text = token.encoded(channelID: "site-chat", key: key)
        #expect(VisitorToken.verify(text, channelID: "site-chat", key: key, maxAge: 86_400, now: issued.addingTimeInterval(60)) == token)
    }

    @Test func refusesForgedExpiredAndForeignTokens() {
        let text = VisitorToken(visitorID: "v_abc", issuedAt: issued).encoded(channelID: "site-chat", key: key)
        let later = issued.addingTimeInterval(60)
        #expect(VisitorToken.verify(text, channelID: "other-chat", key: key, maxAge: 86_400, now: later) == nil)
        #expect(VisitorToken.verify(text, channelID: "site-chat", key: Secret(String(repeating: "x", count: 32)), maxAge: 86_400, now: later) == nil)
        #expect(VisitorToken.verify(text, channelID: "site-chat", key: key, maxAge: 86_400, now: issued.addingTimeInterval(86_401)) == nil)
        #expect(VisitorToken.verify(text, channelID: "site-chat", key: key, maxAge: 86_400, now: issued.addingTimeInterval(-3600)) == nil)
        let parts = text.split(separator: ".")
        let otherVisitor = "v_abd.\(parts[1]).\(parts[2])"
        #expect(VisitorToken.verify(otherVisitor, channelID: "site-chat", key: key, maxAge: 86_400, now: later) == nil)
        let otherTime = "\(parts[0]).\(Int(parts[1])! + 1).\(parts[2])"
        #expect(VisitorToken.verify(otherTime, channelID: "site-chat", key: key, maxAge: 86_400, now: later) == nil)
        for garbage in ["", "v_abc", "v_abc.1", "a.b.c", "v_abc.x.\(parts[2])", String(repeating: "v", count: 300)] {
            #expect(VisitorToken.verify(garbage, channelID: "site-chat", key: key, maxAge: 86_400, now: later) == nil)
        }
    }
}
