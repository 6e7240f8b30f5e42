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

    @Test(arguments: ["inf", "1e300", "nan", "1.5", "+5"])
    func nonDigitNumbersAreUnreadableNotACrash(value: String) {
        #expect(RetryAfter.parse(value) == nil)
    }

    @Test func hugeDelaysAreCappedAtADay() {
        #expect(RetryAfter.parse("99999999999999999999999") == RetryAfter.maximum)
        #expect(RetryAfter.parse("172800") == .seconds(86_400))
    }

    @Test func readsTheObsoleteDateFormatsToo() {
        let now = Self.exampleInstant.addingTimeInterval(-60)
        #expect(RetryAfter.parse("Wednesday, 21-Oct-15 07:28:00 GMT", now: now) == .seconds(60))
        #expect(RetryAfter.parse("Wed Oct 21 07:28:00 2015", now: now) == .seconds(60))
    }

    @Test func anAbsentValueIsNil() {
        #expect(RetryAfter.parse(nil) == nil)
    }

    @Test(arguments: ["", "   ", "soon", "-5", "12 seconds", "Wed, 21 Oct 2015", "2015-10-21T07:28:00Z"])
    func anUnreadableValueIsNil(value: String) {
        #expect(RetryAfter.parse(value, now: Self.exampleInstant) == nil)
    }
}
