import Foundation

/// Reads the `Date` header (RFC 5322 §3.3) and its obsolete forms: an optional day name, day,
/// month name, 2- or 4-digit year, `HH:MM[:SS]`, and a numeric zone (`+0200`) or a named one
/// (`GMT`, `UT`, `Z`, the US zones; other names count as UTC). Comments such as `(CEST)` are ignored.
public enum MailDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let namedZones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0,
        "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
    ]

    /// The instant `text` names, or nil when it is not a date in these forms.
    ///
    /// ```swift
    /// MailDate.parse("Tue, 3 Jun 2025 05:42:51 +0100") // 2025-06-03T04:42:51Z
    /// ```
    public static func parse(_ text: String) -> Date? {
        var withoutComments = ""
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) } else if depth == 0 {
                withoutComments.append(character)
            }
        }
        var tokens = withoutComments.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        if let first = tokens.first, first.first?.isLetter == true { tokens.removeFirst() }
        guard tokens.count >= 4,
              let day = Int(tokens[0]), (1...31).contains(day),
              let month = months.firstIndex(of: String(tokens[1].lowercased().prefix(3))),
              var year = Int(tokens[2]) else { return nil }
        if tokens[2].count <= 2 { year += year < 50 ? 2000 : 1900 } else if tokens[2].count == 3 { year += 1900 }
        let time = tokens[3].split(separator: ":").map { Int($0) }
        guard (2...3).contains(time.count), time.allSatisfy({ $0 != nil }),
              let hour = time[0], let minute = time[1], (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        let second = time.count == 3 ? (time[2] ?? 0) : 0
        guard (0...60).contains(second) else { return nil }
        let offset = tokens.count > 4 ? zoneOffset(tokens[4]) : 0

        var components = DateComponents()
        components.year = year
        components.month = month + 1
        components.day = day
        components.hour = hour
        components.minute = minute
        components.second = min(second, 59)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        guard let local = calendar.date(from: components) else { return nil }
        return local.addingTimeInterval(TimeInterval(-offset))
    }

    /// The zone's offset from UTC in seconds.
    private static func zoneOffset(_ zone: String) -> Int {
        if let sign = zone.first, sign == "+" || sign == "-", zone.count == 5, let value = Int(zone.dropFirst()) {
            let seconds = (value / 100) * 3600 + (value % 100) * 60
            return sign == "-" ? -seconds : seconds
        }
        return (namedZones[zone.lowercased()] ?? 0) * 3600
    }
}
