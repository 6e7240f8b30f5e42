import ChannelKit
import Foundation
import Testing

@Suite struct JSONNestingTests {
    @Test func countsBracketsOutsideStringsOnly() {
        #expect(!JSONNesting.exceeds(2, in: Data(#"{"a": [1, 2]}"#.utf8)))
        #expect(JSONNesting.exceeds(2, in: Data(#"{"a": [[1]]}"#.utf8)))
        #expect(!JSONNesting.exceeds(1, in: Data(#"{"a": "[[[[\"{{"}"#.utf8)))
    }

    @Test func aTinyBodyOfBracketsIsCaughtBeforeDecoding() {
        let hostile = Data(repeating: UInt8(ascii: "["), count: 100_000)
        #expect(JSONNesting.exceeds(32, in: hostile))
    }
}
