/// The content words of a question, for the minimal-pair rule: two questions whose content words
/// are the same except one word swapped for another ("indoor" / "outdoor seating", "Aetna" /
/// "Cigna insurance", "minimum" / "maximum lease") ask about different things, however close
/// their embeddings.
///
/// Content words are what is left once function words, question words and light verbs (have,
/// take, offer, accept…) are dropped; a word of the key-term lexicon stands for its group
/// ("bookings" and "reservation" are both `book`), others are lower-cased, without hyphens and a
/// plural ending. A one-letter slip in a word of five letters or more is not a swap.
enum ContentWords {
    /// `word` as a content word, or nil when it carries no content of its own.
    static func normalized(_ word: String) -> String? {
        guard !stopWords.contains(word), word.count > 1 else { return nil }
        var stem = word.hasSuffix("'s") ? String(word.dropLast(2)) : word
        if stem.contains(where: { $0 == "-" || $0 == "'" }) { stem.removeAll { $0 == "-" || $0 == "'" } }
        if stem.count > 4, stem.hasSuffix("ies") {
            stem = String(stem.dropLast(3)) + "y"
        } else if stem.count > 4, ["ches", "shes", "sses", "xes", "zes"].contains(where: stem.hasSuffix) {
            stem.removeLast(2)
        } else if stem.count > 3, stem.hasSuffix("s"), !stem.hasSuffix("ss") {
            stem.removeLast()
        }
        if stopWords.contains(stem) { return nil }
        return synonyms[stem] ?? stem
    }

    /// Words customers use interchangeably, mapped to one of them.
    static let synonyms: [String: String] = [
        "hour": "time", "times": "time", "flat": "apartment", "condo": "apartment", "home": "house",
        "picture": "photo", "physician": "doctor", "dr": "doctor", "address": "location", "vehicle": "car",
        "appt": "appointment", "wifi": "internet", "cellphone": "phone", "mobile": "phone",
    ]

    /// The words swapped when `question` and `entry` differ by exactly one content word each way
    /// and share at least one; nil otherwise.
    static func substitution(_ question: Set<String>, _ entry: Set<String>) -> (question: String, entry: String)? {
        let onlyQuestion = question.subtracting(entry)
        let onlyEntry = entry.subtracting(question)
        guard onlyQuestion.count == 1, onlyEntry.count == 1, !question.isDisjoint(with: entry),
              let left = onlyQuestion.first, let right = onlyEntry.first, !isSlip(left, right) else { return nil }
        return (left, right)
    }

    /// A typo: one edit apart, both at least five letters.
    static func isSlip(_ left: String, _ right: String) -> Bool {
        guard left.count >= 5, right.count >= 5, abs(left.count - right.count) <= 1 else { return false }
        let a = Array(left)
        let b = Array(right)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count] <= 1
    }

    static let stopWords: Set<String> = [
        // Articles, pronouns, auxiliaries, prepositions, conjunctions.
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "doing", "done",
        "have", "has", "had", "having", "i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours", "u",
        "ur", "r", "ya", "it", "its", "it's", "this", "that", "these", "those", "there", "here", "they", "them",
        "their", "he", "she", "his", "her", "to", "of", "in", "on", "at", "for", "with", "from", "by", "about", "as",
        "into", "onto", "if", "so", "than", "then", "and", "or", "but", "can", "could", "would", "should", "will",
        "shall", "may", "might", "must", "i'm", "im", "i'd", "id", "i've", "ive", "you're", "we're", "it'll", "there's",
        "theres", "that's", "what's", "whats", "where's", "wheres", "how's", "when's", "who's", "else", "up", "out",
        "over", "through", "per", "via", "each", "every", "all", "other", "another", "same", "such", "own", "too",
        "very", "really", "usually", "generally", "normally", "currently", "also", "still", "yet", "just", "already",
        "even", "only", "any", "anything", "anyone", "some", "something", "someone", "one", "ones", "thing", "things",
        // Question words and politeness.
        "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "please", "pls", "plz", "hi", "hello",
        "hey", "thanks", "thank", "ok", "okay", "sorry", "wondering", "question", "quick",
        // Light verbs and fillers: change wording, not meaning.
        "get", "got", "getting", "take", "takes", "taking", "accept", "accepted", "accepting", "offer", "offers",
        "offered", "offering", "provide", "provides", "provided", "make", "makes", "made", "give", "gives", "see",
        "find", "use", "used", "go", "going", "come", "coming", "bring", "let", "allow", "allowed", "allows", "permit",
        "permitted", "welcome", "available", "availability", "possible", "exist", "exists", "need", "needed", "needs",
        "require", "required", "requires", "want", "wanted", "like", "love", "know", "tell", "looking", "look",
        "work", "works", "way", "best", "able", "happen", "happens", "usually", "typically", "kind", "sort", "type",
        "lot", "bit", "good", "great", "nice", "much", "many", "long", "often", "soon",
        // The business talking about itself: "the restaurant" is "you".
        "restaurant", "clinic", "shop", "store", "office", "agency", "place", "business", "company", "practice",
        "team", "staff", "guys", "folks",
    ]
}
