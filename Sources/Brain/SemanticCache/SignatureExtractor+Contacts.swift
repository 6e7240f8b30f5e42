extension SignatureExtractor {
    /// Records `email:` and `url:` identifiers and returns the text without them.
    mutating func takeEmailsAndURLs(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") }) else {
            return text
        }
        var kept: [Substring] = []
        for chunk in text.split(whereSeparator: \.isWhitespace) {
            guard chunk.utf8.count > 3, chunk.utf8.contains(where: { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: ".") }) else {
                kept.append(chunk)
                continue
            }
            var trimmed = chunk.drop(while: Self.chunkPunctuation.contains)
            while let last = trimmed.last, Self.chunkPunctuation.contains(last) { trimmed.removeLast() }
            if let email = Self.email(trimmed) {
                identifiers.insert("email:\(email)")
            } else if let url = Self.url(trimmed) {
                identifiers.insert("url:\(url)")
            } else {
                kept.append(chunk)
            }
        }
        return kept.joined(separator: " ")
    }

    private static let chunkPunctuation: Set<Character> = ["\"", "'", "(", ")", "[", "]", "<", ">", "{", "}", ",", ";", ":", "!", "?", "."]

    private static let emailCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789._%+-")
    private static let hostCharacters = Set("abcdefghijklmnopqrstuvwxyz0123456789.-")

    private static func email(_ chunk: Substring) -> String? {
        let parts = chunk.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy(emailCharacters.contains),
              parts[1].allSatisfy(hostCharacters.contains), isHost(parts[1], requireKnownDomain: false) else { return nil }
        return String(chunk)
    }

    /// `https://example.com/menu` → `example.com/menu`; also `www.…` and bare `name.tld/…` for
    /// common top-level domains.
    private static func url(_ chunk: Substring) -> String? {
        var rest = chunk
        var explicit = false
        for prefix in ["https://", "http://"] where rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            explicit = true
        }
        if rest.hasPrefix("www.") {
            rest = rest.dropFirst(4)
            explicit = true
        }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard host.allSatisfy(hostCharacters.contains), isHost(host, requireKnownDomain: !explicit) else { return nil }
        var canonical = String(rest)
        while canonical.hasSuffix("/") { canonical.removeLast() }
        return canonical
    }

    private static func isHost(_ host: Substring, requireKnownDomain: Bool) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let top = labels.last,
              top.count >= 2, top.allSatisfy(\.isLetter) else { return false }
        return !requireKnownDomain || knownTopLevelDomains.contains(String(top))
    }

    private static let knownTopLevelDomains: Set<String> = [
        "com", "org", "net", "io", "co", "uk", "de", "fr", "es", "it", "nl", "eu", "us", "ca", "au", "app", "shop",
        "store", "info", "biz", "me", "health", "clinic", "restaurant", "menu", "realty", "house", "online",
    ]

    /// Records `phone:` identifiers (7 to 15 digits with separators, or after `+`) and returns
    /// the text with them blanked.
    ///
    /// Runs that read as dates (`2025-03-15`), decimals (`12.50 15.00`), amounts (`1 200 000 €`)
    /// or short space-separated numbers (`555 1234`) are left for the number pass.
    mutating func takePhoneNumbers(_ text: String) -> String {
        guard text.utf8.lazy.filter({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }).count >= 7 else { return text }
        var characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let startsRun = SignatureToken.isDigit(character) || character == "+" || character == "("
            let previous = index > 0 ? characters[index - 1] : " "
            guard startsRun, !(previous.isLetter || SignatureToken.isDigit(previous) || "$€£#.,:/".contains(previous)) else {
                index += 1
                continue
            }
            var end = index
            while end < characters.count, SignatureToken.isDigit(characters[end]) || " -.()+".contains(characters[end]) {
                end += 1
            }
            while end > index, !SignatureToken.isDigit(characters[end - 1]) { end -= 1 }
            let run = characters[index..<end]
            if end > index, Self.isPhoneNumber(run), !Self.isFollowedByCurrency(characters, after: end) {
                identifiers.insert("phone:" + String(run.filter(SignatureToken.isDigit)))
                for position in index..<end { characters[position] = " " }
                index = end
            } else {
                index += 1
                while index < characters.count, SignatureToken.isDigit(characters[index]) { index += 1 }
            }
        }
        return String(characters)
    }

    private static func isPhoneNumber(_ run: ArraySlice<Character>) -> Bool {
        let digits = run.filter(SignatureToken.isDigit)
        guard (7...15).contains(digits.count) else { return false }
        if run.first == "+" || run.contains("(") { return true }
        let groups = run.split { !SignatureToken.isDigit($0) }.map(\.count)
        if groups.count == 1 { return digits.count >= 10 }
        if groups == [4, 2, 2] || (groups.count == 3 && groups.last == 4 && groups[0] <= 2 && groups[1] <= 2) {
            return false  // a date: 2025-03-15, 15.03.2025
        }
        if run.contains(".") { return groups.allSatisfy { $0 >= 3 } }
        if run.contains("-") { return true }
        return digits.count >= 9 || run.first == "0"
    }

    private static func isFollowedByCurrency(_ characters: [Character], after end: Int) -> Bool {
        let rest = String(characters[end..<min(end + 8, characters.count)]).drop { $0 == " " }
        if let first = rest.first, SignatureVocabulary.currencySymbols[first] != nil { return true }
        let word = rest.prefix { $0.isLetter }
        return SignatureVocabulary.currencyWords[String(word)] != nil
    }
}
