import Foundation

/// The token pass of ``SignatureExtractor``: one left-to-right scan that consumes the tokens it
/// interprets (the `pm` of `7 pm`, the month of `March 15`) so they are read once.
struct NumberReader {
    let tokens: [SignatureToken]
    var identifiers = Set<String>()
    var numbers = Set<String>()
    private var consumed: Set<Int> = []

    init(tokens: [SignatureToken]) {
        self.tokens = tokens
    }

    mutating func read() {
        for index in tokens.indices where !consumed.contains(index) {
            let token = tokens[index]
            switch token.kind {
            case .number: readNumber(at: index)
            case .word: readWord(at: index)
            case .symbol:
                if token.text == "#", let run = attachedRun(after: index) {
                    identifiers.insert("ref:" + run.text)
                    consume(index...run.end)
                }
            }
        }
    }

    // MARK: - Words

    private mutating func readWord(at index: Int) {
        let word = tokens[index].text
        if let next = token(index + 1), next.attached, next.kind == .number || next.text == "-",
           let run = attachedRun(after: index - 1), run.hasDigits {
            identifiers.insert("code:" + run.text)  // a1234, x200, covid-19
            consume(index...run.end)
            return
        }
        if let month = SignatureVocabulary.months[word] {
            if let next = token(index + 1), next.kind == .number, let day = dayNumber(at: index + 1) {
                consume(index...day.end)
                addDate(day: day.value, month: month, yearAt: day.end + 1)
            } else if !SignatureVocabulary.ambiguousMonths.contains(word) {
                identifiers.insert("month:" + Self.twoDigits(month))
            }
            return
        }
        if let next = token(index + 1), next.kind == .word, let day = SignatureVocabulary.dayPhrases["\(word) \(next.text)"] {
            identifiers.insert("day:" + day)
            consume(index...(index + 1))
        } else if let day = SignatureVocabulary.days[word] {
            identifiers.insert("day:" + day)
        } else if word == "noon" || word == "midday" {
            identifiers.insert("time:12:00")
        } else if word == "midnight" {
            identifiers.insert("time:00:00")
        } else if let number = SignatureVocabulary.numberWords[word] ?? SignatureVocabulary.ordinalWords[word] {
            numbers.insert(number)
        } else if word.contains(Character("-")) {  // two-bedroom, three-course
            for part in word.split(separator: "-") {
                if let number = SignatureVocabulary.numberWords[String(part)] { numbers.insert(number) }
            }
        }
    }

    // MARK: - Numbers

    private mutating func readNumber(at index: Int) {
        let raw = tokens[index].text
        consume(index...index)
        if raw.contains(Character(":")), raw.contains(Character("-")) {  // 10:00-18:00
            for part in raw.split(separator: "-") {
                let time = part.contains(Character(":")) ? Self.clockTime(String(part)) : nil
                if let time { identifiers.insert(time) } else { numbers.insert(String(part)) }
            }
            return
        }
        if raw.contains(Character(":")) {
            if let time = time(raw, meridiemAt: index + 1) {
                identifiers.insert(time)
            } else {
                numbers.insert(raw)
            }
            return
        }
        if raw == "24/7" {
            identifiers.insert("time:24/7")
            return
        }
        let separators = raw.filter { "/-.".contains($0) }
        if raw.contains(Character("/")) || (raw.contains(Character("-")) && separators.count == 2) || (separators == ".." && !raw.contains(Character(","))) {
            if let date = Self.numericDate(raw) {
                identifiers.insert(date)
            } else if raw.contains(Character("/")) || raw.contains(Character("-")) {
                numbers.insert(raw)
            } else {
                readQuantity(raw, at: index)  // 1.200.000
            }
            return
        }
        if raw.contains(Character("-")) {  // a range: 9-5, 2-3
            numbers.insert(raw.split(separator: "-").map { Self.canonical(String($0)) }.joined(separator: "-"))
            return
        }
        readQuantity(raw, at: index)
    }

    /// A plain number and what follows it: an amount, a percentage, a time, a date, a unit, an ordinal.
    private mutating func readQuantity(_ raw: String, at index: Int) {
        var value = Decimal(string: Self.canonical(raw)) ?? 0
        var next = index + 1
        // Glued words: 7pm, 15th, 2k, 12kg, 7h30, 3b.
        if let glued = token(next), glued.attached, glued.kind == .word {
            let suffix = glued.text
            if suffix == "am" || suffix == "pm" || suffix == "h", let time = time(raw, meridiemAt: next) {
                identifiers.insert(time)
                return
            }
            if SignatureVocabulary.ordinalSuffixes.contains(suffix) {
                consume(next...next)
                if readDayOfMonth(Int(raw) ?? 0, at: index, after: next + 1) { return }
                numbers.insert(Self.canonical(raw))
                return
            }
            if let multiplier = SignatureVocabulary.multipliers[suffix], suffix == "k" || currency(before: index) != nil {
                value *= Decimal(multiplier)
                consume(next...next)
                next += 1
            } else if SignatureVocabulary.units.contains(suffix) {
                consume(next...next)
                numbers.insert(Self.canonical(raw) + suffix)
                return
            } else if let run = attachedRun(after: index - 1), run.hasLetters {
                identifiers.insert("code:" + run.text)
                consume(index...run.end)
                return
            }
        }
        if let word = token(next)?.text, let multiplier = SignatureVocabulary.multipliers[word], word.count > 1 {
            value *= Decimal(multiplier)
            consume(next...next)
            next += 1
        }
        let amount = "\(value)"
        if let currency = currency(before: index) ?? currency(at: next) {
            identifiers.insert("amount:\(currency)\(amount)")
            return
        }
        if let following = token(next), following.text == "%" || following.text == "percent" {
            consume(next...next)
            identifiers.insert("percent:\(amount)")
            return
        }
        if let following = token(next), following.kind == .word,
           ["am", "pm", "o'clock", "oclock", "uhr", "heures"].contains(following.text),
           let time = time(raw, meridiemAt: next) {
            identifiers.insert(time)
            return
        }
        if readDayOfMonth(Int(raw) ?? 0, at: index, after: next) { return }
        let integer = raw.allSatisfy(SignatureToken.isDigit)
        if integer, raw.count == 4, let year = Int(raw), (1900...2100).contains(year) {
            identifiers.insert("year:\(raw)")
        } else if integer, raw.count >= 5 {
            identifiers.insert("ref:\(raw)")
        } else if index > 0, tokens[index - 1].text == "#" {
            identifiers.insert("ref:\(raw)")
        } else {
            numbers.insert(amount)
        }
    }

    /// `15 March`, `15th of March`, `March 15` (the month before was read by ``readWord``).
    private mutating func readDayOfMonth(_ day: Int, at index: Int, after next: Int) -> Bool {
        guard (1...31).contains(day) else { return false }
        var monthIndex = next
        if token(monthIndex)?.text == "of" { monthIndex += 1 }
        guard let word = token(monthIndex)?.text, let month = SignatureVocabulary.months[word] else { return false }
        consume(index...monthIndex)
        addDate(day: day, month: month, yearAt: monthIndex + 1)
        return true
    }

    private mutating func addDate(day: Int, month: Int, yearAt index: Int) {
        if let next = token(index), next.kind == .number, next.text.count == 4, let year = Int(next.text),
           (1900...2100).contains(year) {
            consume(index...index)
            identifiers.insert("date:\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day))")
        } else {
            identifiers.insert("date:\(Self.twoDigits(month))-\(Self.twoDigits(day))")
        }
    }

    /// The day number after a month word: `15`, `15th`, `the 15th`.
    private func dayNumber(at index: Int) -> (value: Int, end: Int)? {
        guard let raw = token(index)?.text, let value = Int(raw), (1...31).contains(value) else { return nil }
        if let suffix = token(index + 1), suffix.attached, SignatureVocabulary.ordinalSuffixes.contains(suffix.text) {
            return (value, index + 1)
        }
        return (value, index)
    }

    /// `19:30`, `7:30` + `pm`, `7` + `pm`, `7h30`.
    private mutating func time(_ raw: String, meridiemAt index: Int) -> String? {
        var parts = raw.split(separator: ":").compactMap { Int($0) }
        var next = index
        if parts.count == 1, let glued = token(next), glued.attached, glued.text == "h" {
            consume(next...next)
            next += 1
            if let minutes = token(next), minutes.attached, minutes.kind == .number, let value = Int(minutes.text) {
                parts.append(value)
                consume(next...next)
                next += 1
            }
        }
        guard (1...2).contains(parts.count), var hour = parts.first, (0...24).contains(hour) else { return nil }
        let minute = parts.count == 2 ? parts[1] : 0
        guard (0...59).contains(minute) else { return nil }
        if let word = token(next)?.text, ["am", "pm", "o'clock", "oclock", "uhr", "heures"].contains(word) {
            consume(next...next)
            guard word != "am" && word != "pm" || (1...12).contains(hour) else { return nil }
            if word == "pm", hour < 12 { hour += 12 }
            if word == "am", hour == 12 { hour = 0 }
        }
        return "time:\(Self.twoDigits(hour)):\(Self.twoDigits(minute))"
    }

    /// `18:00` → `time:18:00`, without a following am/pm.
    static func clockTime(_ raw: String) -> String? {
        let parts = raw.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0...24).contains(parts[0]), (0...59).contains(parts[1]) else { return nil }
        return "time:\(twoDigits(parts[0])):\(twoDigits(parts[1]))"
    }

    private func currency(before index: Int) -> String? {
        guard let previous = token(index - 1) else { return nil }
        if previous.kind == .symbol, let first = previous.text.first { return SignatureVocabulary.currencySymbols[first] }
        return previous.kind == .word ? SignatureVocabulary.currencyWords[previous.text] : nil
    }

    private mutating func currency(at index: Int) -> String? {
        guard let next = token(index) else { return nil }
        let currency = next.kind == .symbol
            ? next.text.first.flatMap { SignatureVocabulary.currencySymbols[$0] }
            : SignatureVocabulary.currencyWords[next.text]
        if currency != nil { consume(index...index) }
        return currency
    }

    // MARK: - Helpers

    private func token(_ index: Int) -> SignatureToken? {
        tokens.indices.contains(index) ? tokens[index] : nil
    }

    private mutating func consume(_ range: ClosedRange<Int>) {
        for index in range where tokens.indices.contains(index) { consumed.insert(index) }
    }

    /// The tokens glued to the one at `index` (words, numbers and inner hyphens), as one code.
    private func attachedRun(after index: Int) -> (text: String, end: Int, hasDigits: Bool, hasLetters: Bool)? {
        var end = index
        var text = ""
        var hasDigits = false
        var hasLetters = false
        var position = index + 1
        while let next = token(position), next.attached || position == index + 1, next.kind != .symbol || next.text == "-" {
            if next.kind == .symbol {
                guard let after = token(position + 1), after.attached, after.kind != .symbol else { break }
            } else {
                text += next.text.filter { $0 != "-" && $0 != "'" }
                hasDigits = hasDigits || next.kind == .number
                hasLetters = hasLetters || next.kind == .word
                end = position
            }
            position += 1
        }
        return text.isEmpty ? nil : (text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ""), end, hasDigits, hasLetters)
    }

    /// `12,50` → `12.5`, `1,200` → `1200`, `1.200,50` → `1200.5`, `007` → `7`.
    static func canonical(_ raw: String) -> String {
        var text = raw
        let lastComma = text.lastIndex(of: ",")
        let lastDot = text.lastIndex(of: ".")
        if let comma = lastComma, let dot = lastDot {
            text = comma > dot
                ? text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: ".")
                : text.replacingOccurrences(of: ",", with: "")
        } else if let comma = lastComma {
            let decimals = text.distance(from: comma, to: text.endIndex) - 1
            let commas = text.filter { $0 == "," }.count
            text = commas == 1 && decimals != 3
                ? text.replacingOccurrences(of: ",", with: ".")
                : text.replacingOccurrences(of: ",", with: "")
        } else if text.filter({ $0 == "." }).count > 1 {
            text = text.replacingOccurrences(of: ".", with: "")
        }
        guard let value = Decimal(string: text) else { return raw }
        return "\(value)"
    }

    /// `2025-03-15`, `15/03/2025`, `03/15`, `15.03.2025`; day and month told apart when one is
    /// above 12, otherwise kept in the order written (`date:3/4`).
    static func numericDate(_ raw: String) -> String? {
        let parts = raw.split(whereSeparator: { "/-.".contains($0) }).map(String.init)
        let values = parts.compactMap { Int($0) }
        guard values.count == parts.count, (2...3).contains(values.count) else { return nil }
        if parts[0].count == 4, values.count == 3 {
            return validDate(year: values[0], month: values[1], day: values[2])
        }
        var year: Int?
        if values.count == 3 {
            guard parts[2].count == 2 || parts[2].count == 4 else { return nil }
            year = parts[2].count == 2 ? 2000 + values[2] : values[2]
        }
        let (first, second) = (values[0], values[1])
        if first > 12, second <= 12 { return validDate(year: year, month: second, day: first) }
        if second > 12, first <= 12 { return validDate(year: year, month: first, day: second) }
        guard first >= 1, second >= 1, first <= 12, second <= 12 else { return nil }
        return "date:\(first)/\(second)" + (year.map { "/\($0)" } ?? "")
    }

    private static func validDate(year: Int?, month: Int, day: Int) -> String? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        let monthDay = "\(twoDigits(month))-\(twoDigits(day))"
        return "date:" + (year.map { "\($0)-\(monthDay)" } ?? monthDay)
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
