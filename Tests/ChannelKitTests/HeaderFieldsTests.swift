import ChannelKit
import Testing

@Suite struct HeaderFieldsTests {
    @Test func lookupIgnoresCase() {
        let headers: HeaderFields = ["Content-Type": "application/json"]
        #expect(headers["content-type"] == "application/json")
        #expect(headers["CONTENT-TYPE"] == "application/json")
        #expect(headers.values(for: "cOnTeNt-TyPe") == ["application/json"])
    }

    @Test func lookupMatchesWholeNamesOnly() {
        let headers: HeaderFields = ["X-Signature": "abc"]
        #expect(headers["X-Signatur"] == nil)
        #expect(headers["X-Signature-256"] == nil)
        #expect(headers["Content-Length"] == nil)
        #expect(headers.values(for: "Content-Length") == [])
    }

    @Test func keepsEveryValueOfANameInOrder() {
        var headers = HeaderFields()
        headers.append(name: "Set-Cookie", value: "a=1")
        headers.append(name: "X-Other", value: "x")
        headers.append(name: "set-cookie", value: "b=2")
        #expect(headers.values(for: "SET-COOKIE") == ["a=1", "b=2"])
        #expect(headers["Set-Cookie"] == "a=1")
        #expect(headers.map(\.name) == ["Set-Cookie", "X-Other", "set-cookie"])
    }

    @Test func aDictionaryLiteralKeepsItsOrder() {
        let headers: HeaderFields = ["B": "2", "A": "1", "C": "3"]
        #expect(headers.map(\.value) == ["2", "1", "3"])
    }

    @Test func settingReplacesEveryValueOfTheNameWhateverItsCase() {
        var headers: HeaderFields = ["Accept": "text/html", "X-Keep": "k"]
        headers.append(name: "accept", value: "text/plain")
        headers["ACCEPT"] = "application/json"
        #expect(headers.values(for: "accept") == ["application/json"])
        #expect(headers["X-Keep"] == "k")
        #expect(headers.map(\.name) == ["X-Keep", "ACCEPT"])
    }

    @Test func settingNilRemovesEveryValue() {
        var headers: HeaderFields = ["Retry-After": "5", "X-Keep": "k"]
        headers.append(name: "retry-after", value: "6")
        headers["RETRY-AFTER"] = nil
        #expect(headers["Retry-After"] == nil)
        #expect(headers.values(for: "Retry-After") == [])
        #expect(headers.map(\.name) == ["X-Keep"])
    }
}
