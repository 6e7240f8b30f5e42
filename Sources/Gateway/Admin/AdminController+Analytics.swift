import Brain
import Foundation
import Hummingbird

/// `/api/v1/analytics` (messages per channel per day, response times, cache, costs, budget,
/// blocked messages by reason) and `/api/v1/costs.csv` (the cost ledger for a date range).
extension AdminController {
    func addAnalyticsRoutes(to api: RouterGroup<GatewayRequestContext>) {
        api.get("/analytics") { request, context in try await analytics(request, context) }
        api.get("/costs.csv") { request, context in try await costsCSV(request, context) }
    }

    private func analytics(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let key = try context.requireKey()
        let range = try DateRange(request)
        let report = try await store.analytics(tenantID: key.tenantID, from: range.start, to: range.end)
        let budget = try? await ledger.state(tenantID: key.tenantID)
        return try AdminJSON.response(AdminJSON.Analytics(report, range: range, budget: budget))
    }

    private func costsCSV(_ request: Request, _ context: GatewayRequestContext) async throws -> Response {
        let key = try context.requireKey(.admin)
        let range = try DateRange(request)
        let rows = try await store.costLedger(tenantID: key.tenantID, from: range.start, to: range.end)
        let currency = tenants[key.tenantID]?.budget.currency ?? ""
        var csv = "time,channel,kind,quantity,unit,unit_price,amount,currency,reference\r\n"
        for row in rows {
            let fields = [
                AdminJSON.timestamp(row.createdAt), row.channelID ?? "", row.kind, "\(row.quantity)", row.unit,
                AdminJSON.money(row.unitPriceNanos), AdminJSON.money(row.amountNanos), currency, row.reference ?? "",
            ]
            csv += fields.map(Self.csvField).joined(separator: ",") + "\r\n"
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8",
                .contentDisposition: "attachment; filename=\"costs-\(range.fromDay)-\(range.toDay).csv\"",
            ],
            body: .init(byteBuffer: ByteBuffer(string: csv))
        )
    }

    /// RFC 4180: quoted when it holds a comma, quote or line break; a leading `=`, `+`, `-` or
    /// `@` is prefixed with `'` so a spreadsheet does not run it as a formula.
    static func csvField(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first), Double(value) == nil { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// `?from=YYYY-MM-DD&to=YYYY-MM-DD` (UTC days, both included; default the last 30 days up to
/// today; at most 366 days).
struct DateRange {
    let fromDay: String
    let toDay: String
    let start: Date
    /// The instant after the last day.
    let end: Date

    init(_ request: Request, now: Date = Date()) throws {
        let query = request.uri.queryParameters
        let today = Self.startOfDay(now)
        let to = try query["to"].map { try Self.parse(String($0), field: "to") } ?? today
        let from = try query["from"].map { try Self.parse(String($0), field: "from") } ?? to.addingTimeInterval(-29 * 86_400)
        guard from <= to else { throw AdminAPIError.validation("from", "from must not be after to") }
        guard to.timeIntervalSince(from) < 366 * 86_400 else { throw AdminAPIError.validation("from", "the range may span at most 366 days") }
        self.start = from
        self.end = to.addingTimeInterval(86_400)
        self.fromDay = Self.format(from)
        self.toDay = Self.format(to)
    }

    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }

    private static func startOfDay(_ date: Date) -> Date {
        calendar.startOfDay(for: date)
    }

    private static func parse(_ text: String, field: String) throws -> Date {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1970...9999).contains(year),
              let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              format(date) == text
        else { throw AdminAPIError.validation(field, "\(field) must be a date as YYYY-MM-DD") }
        return date
    }

    static func format(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
