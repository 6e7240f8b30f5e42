extension KnowledgeText {
    /// The day of the week a token names (1 Monday … 7 Sunday), in English, Spanish, French or
    /// German, full or abbreviated, singular or plural ("sundays", "sat", "lunes", "dimanche").
    static func weekday(_ token: String) -> Int? {
        if let day = weekdays[token] { return day }
        if token.count > 4, token.hasSuffix("s"), let day = weekdays[String(token.dropLast())] { return day }
        return nil
    }

    /// The stem a weekday stands for, the same in every language.
    static func weekdayStem(_ day: Int) -> String { weekdayPrefix + "\(day)" }

    /// What every weekday's stem starts with; no word of any language does.
    static let weekdayPrefix = "weekday#"

    /// The weekdays a text covers: those it names, every day of a range it names ("Tuesday to
    /// Sunday", "Mon-Fri", "du lundi au vendredi", "Montag bis Freitag"), and those of "weekdays",
    /// "weekend", "daily" and "7 days a week".
    static func coveredWeekdays(_ tokens: [String]) -> Set<Int> {
        var days = Set<Int>()
        for (index, token) in tokens.enumerated() {
            if let first = weekday(token) {
                days.insert(first)
                // "monday to friday", "mon - fri" (the dash is gone: "mon fri"), "lundi au vendredi"
                var next = index + 1
                if next < tokens.count, rangeWords.contains(tokens[next]) { next += 1 }
                if next < tokens.count, let last = weekday(tokens[next]) {
                    var day = first
                    while day != last { days.insert(day); day = day % 7 + 1 }
                    days.insert(last)
                }
            } else if let group = dayGroups[token] {
                days.formUnion(group)
            } else if token == "7", index + 1 < tokens.count, ["days", "dias", "jours", "tage"].contains(tokens[index + 1]) {
                days.formUnion(1...7)
            }
        }
        return days
    }

    private static let rangeWords: Set<String> = ["to", "through", "thru", "till", "until", "a", "al", "au", "bis", "hasta"]

    private static let dayGroups: [String: Set<Int>] = [
        "weekday": Set(1...5), "weekdays": Set(1...5), "weekend": [6, 7], "weekends": [6, 7], "daily": Set(1...7),
        "everyday": Set(1...7), "werktags": Set(1...5), "wochenende": [6, 7],
        "taglich": Set(1...7), "diario": Set(1...7), "quotidien": Set(1...7),
    ]

    private static let weekdays: [String: Int] = {
        let names: [[String]] = [
            ["monday", "mon", "lunes", "lundi", "montag"],
            ["tuesday", "tue", "tues", "martes", "mardi", "dienstag"],
            ["wednesday", "wed", "miercoles", "mercredi", "mittwoch"],
            ["thursday", "thu", "thur", "thurs", "jueves", "jeudi", "donnerstag"],
            ["friday", "fri", "viernes", "vendredi", "freitag"],
            ["saturday", "sat", "sabado", "samedi", "samstag"],
            ["sunday", "sun", "domingo", "dimanche", "sonntag"],
        ]
        var table: [String: Int] = [:]
        for (index, group) in names.enumerated() {
            for name in group { table[name] = index + 1 }
        }
        return table
    }()
}
