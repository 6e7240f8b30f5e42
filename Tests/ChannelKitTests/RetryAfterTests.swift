import ChannelKit
import Foundation
import Testing

@Suite struct RetryAfterTests {
    /// `Wed, 21 Oct 2015 07:28:00 GMT`, the example of RFC 9110.
    private static let exampleDate = "Wed, 21 Oct 2015 07:28:00 GMT"
    private static let exampleInstant = Date(timeIntervalSince1970: 1_445_412_480)

    @Test func readsDelaySeconds() {
        #expect(RetryAfter.parse("120") == .seconds(120))
        #expect(RetryAfter.parse("0") == .zero)
        #expect(RetryAfter.parse(" 7 ") == .seconds(7))
    }

    @Test func readsAnHTTPDate() {
        let now = Self.exampleInstant.addingTimeInterval(-90)
        #expect(RetryAfter.parse(Self.exampleDate, now: now) == .seconds(90))
    }

    @Test func aDateInThePastMeansNow() {
        let now = Self.exampleInstant.addingTimeInterval(3600)
        #expect(RetryAfter.parse(Self.exampleDate, now: now) == .zero)
    }

    @Test func anAbsentValueIsNil() {
        #expect(RetryAfter.parse(nil) == nil)
    }

    @Test(arguments: ["", "   ", "soon", "-5", "12 seconds", "Wed, 21 Oct 2015", "2015-10-21T07:28:00Z"])
    func anUnreadableValueIsNil(value: String) {
        #expect(RetryAfter.parse(value, now: Self.exampleInstant) == nil)
    }
}
