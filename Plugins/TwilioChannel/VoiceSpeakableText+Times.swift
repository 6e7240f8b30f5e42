extension VoiceSpeakableText {
    /// Clock times as an English voice reads them best: a two-digit 24-hour time on the 12-hour
    /// clock ("14:30" → "2:30 PM", "09:00" → "9 AM", "00:15" → "12:15 AM"), am/pm written one
    /// way ("7am", "7:30 p.m." → "7 AM", "7:30 PM"), and a range said with "to" ("9 AM-5 PM" →
    /// "9 AM to 5 PM"). A one-digit hour without am/pm ("9:30") is left as it is: it may already
    /// be on the 12-hour clock.
    static func twelveHourTimes(in text: String) -> String {
        let meridiem = #"(?:\s?([aApP])\.?\s?[mM](?:\.(?=\S|\s+[a-z\d]))?(?![A-Za-z]))?"#
        var result = replacing(#"(?<![\d:.,])(\d{1,2}):([0-5]\d)(?![\d:])"# + meridiem, in: text) { groups in
            guard let hour = Int(groups[1]), let minute = Int(groups[2]) else { return nil }
            if !groups[3].isEmpty {
                guard (1...12).contains(hour) else { return nil }
                return clock(hour: hour, minute: minute, afternoon: groups[3].lowercased() == "p")
            }
            guard groups[1].count == 2, (0...23).contains(hour) else { return nil }
            return clock(hour: hour % 12 == 0 ? 12 : hour % 12, minute: minute, afternoon: hour >= 12)
        }
        result = replacing(#"(?<![\d:.,])(\d{1,2})\s?([aApP])\.?\s?[mM](?:\.(?=\S|\s+[a-z\d]))?(?![A-Za-z])"#, in: result) { groups in
            guard let hour = Int(groups[1]), (1...12).contains(hour) else { return nil }
            return clock(hour: hour, minute: 0, afternoon: groups[2].lowercased() == "p")
        }
        return replacing(#"\b(AM|PM)\s*[-–—]\s*(?=\d)"#, in: result) { "\($0[1]) to " }
    }

    /// "2:30 PM", or "9 AM" on the hour.
    private static func clock(hour: Int, minute: Int, afternoon: Bool) -> String {
        let suffix = afternoon ? "PM" : "AM"
        return minute == 0 ? "\(hour) \(suffix)" : "\(hour):\(minute < 10 ? "0" : "")\(minute) \(suffix)"
    }
}
