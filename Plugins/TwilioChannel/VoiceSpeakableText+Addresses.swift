import Foundation

extension VoiceSpeakableText {
    /// The words a voice says for the signs in addresses, in one language.
    struct AddressWords: Hashable, Sendable {
        var dot: String
        var at: String
        var dash: String
        var underscore: String
        var plus: String

        /// English, also used for languages without their own entry.
        static let english = AddressWords(dot: "dot", at: "at", dash: "dash", underscore: "underscore", plus: "plus")

        /// The words by primary language subtag.
        static let byLanguage: [String: AddressWords] = [
            "en": .english,
            "es": AddressWords(dot: "punto", at: "arroba", dash: "guion", underscore: "guion bajo", plus: "más"),
            "fr": AddressWords(dot: "point", at: "arobase", dash: "tiret", underscore: "tiret bas", plus: "plus"),
            "de": AddressWords(dot: "Punkt", at: "at", dash: "Bindestrich", underscore: "Unterstrich", plus: "plus"),
            "it": AddressWords(dot: "punto", at: "chiocciola", dash: "trattino", underscore: "trattino basso", plus: "più"),
            "pt": AddressWords(dot: "ponto", at: "arroba", dash: "hífen", underscore: "sublinhado", plus: "mais"),
            "nl": AddressWords(dot: "punt", at: "apenstaartje", dash: "streepje", underscore: "underscore", plus: "plus"),
        ]
    }

    /// The longest host name said aloud; longer ones (and IP addresses) are left out.
    static let maxSpokenHostLength = 30
    /// The most labels a host name said aloud may have (`shop.bakery.co.uk` has four).
    static let maxSpokenHostLabels = 3

    /// Top-level domains recognized without `http://` or `www.` in front ("bakery.com").
    static let bareDomainTLDs = [
        "com", "org", "net", "edu", "gov", "io", "co", "uk", "us", "ca", "au", "nz", "ie", "de", "fr", "es", "it",
        "nl", "be", "ch", "at", "pt", "mx", "br", "eu", "info", "biz", "shop", "store", "app", "dev", "me", "tv",
        "online", "site", "cafe", "menu", "restaurant", "bakery",
    ]

    /// The words for this speakable text's language.
    var addressWords: AddressWords {
        let primary = language.lowercased().split(separator: "-").first.map(String.init) ?? ""
        return AddressWords.byLanguage[primary] ?? .english
    }

    /// Email addresses spoken: "info@bella-bakery.com" → "info at bella dash bakery dot com".
    func spokenEmails(in text: String) -> String {
        let pattern = #"(?<![\w.+-])([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,})(?![\w-])"#
        let words = addressWords
        return Self.replacing(pattern, in: text) { groups in
            Self.spoken(groups[1], words: words) + " \(words.at) " + Self.spoken(groups[2], words: words)
        }
    }

    /// Web addresses replaced by their spoken host ("https://www.example.com/menu" → "example dot
    /// com"), or left out when the host is long or an IP address. Punctuation after the address
    /// stays.
    func spokenURLs(in text: String) -> String {
        let path = #"[^\s<>()\[\]"']*"#
        let tlds = Self.bareDomainTLDs.joined(separator: "|")
        let pattern = #"(?:https?://|www\.)[^\s<>()\[\]"']+"#
            + #"|(?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:"# + tlds + #")(?::\d+)?(?:/"# + path + #")?(?![\w-])"#
        let words = addressWords
        return Self.replacing(pattern, in: text, options: [.caseInsensitive]) { groups in
            var url = Substring(groups[0])
            var trailing = ""
            while let last = url.last, ".,;:!?)".contains(last) {
                trailing = String(last) + trailing
                url.removeLast()
            }
            guard let host = Self.spokenHost(of: String(url)) else { return trailing }
            return Self.spoken(host, words: words) + trailing
        }
    }

    /// The host of a URL as it should be said (lower case, without `www.`), or nil when it should
    /// be left out.
    static func spokenHost(of url: String) -> String? {
        var rest = Substring(url)
        if let scheme = rest.range(of: "://") {
            rest = rest[scheme.upperBound...]
        }
        var host = rest.prefix { !"/?#".contains($0) }
        if let at = host.lastIndex(of: "@") {
            host = host[host.index(after: at)...]
        }
        if let colon = host.lastIndex(of: ":") {
            host = host[..<colon]
        }
        var name = host.lowercased()
        if name.hasPrefix("www.") {
            name.removeFirst(4)
        }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        let isAddress = labels.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) }
        guard !name.isEmpty, !isAddress, name.count <= maxSpokenHostLength, labels.count <= maxSpokenHostLabels else {
            return nil
        }
        return name
    }

    /// An address part with its signs said as words: `.` "dot", `-` "dash", `_` "underscore",
    /// `+` "plus".
    static func spoken(_ part: String, words: AddressWords) -> String {
        var result = ""
        for character in part {
            switch character {
            case ".": result += " \(words.dot) "
            case "-": result += " \(words.dash) "
            case "_": result += " \(words.underscore) "
            case "+": result += " \(words.plus) "
            default: result.append(character)
            }
        }
        return result.split(separator: " ").joined(separator: " ")
    }
}
