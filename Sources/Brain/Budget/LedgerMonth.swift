import Foundation

/// The calendar month (UTC) a cost belongs to, as `YYYY-MM`.
enum LedgerMonth {
    static func key(for date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month], from: date)
        let year = parts.year ?? 1970
        let month = parts.month ?? 1
        return "\(year)-\(month < 10 ? "0" : "")\(month)"
    }
}
