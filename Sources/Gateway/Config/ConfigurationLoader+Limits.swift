import Brain
import ChannelKit

extension ConfigurationLoader {
    /// Reads a tenant's `limits` object. Keys (defaults in ``TenantLimits``):
    /// `customerDailyMessages`, `customerDailyCalls`, `unknownSenderPerIPPerMinute`,
    /// `rapidFireMessages`, `rapidFireSeconds`, `repeatLimit`, `repeatWindowMinutes`,
    /// `detectGibberish`, `trustMultipliers` (`new`, `known`, `verified`), `knownAfterMessages`,
    /// `knownAfterDays`, `noticeCooldownMinutes`, `noticeMessages` (one text per reason:
    /// `dailyCap`, `callCap`, `ipLimit`, `rapidFire`, `repetition`, `gibberish`, `blocked`; an
    /// empty text means no notice).
    func readLimits(_ limits: ConfigReader) -> TenantLimits {
        var result = TenantLimits()
        limits.rejectUnknownKeys([
            "customerDailyMessages", "customerDailyCalls", "unknownSenderPerIPPerMinute",
            "rapidFireMessages", "rapidFireSeconds", "repeatLimit", "repeatWindowMinutes", "detectGibberish",
            "trustMultipliers", "knownAfterMessages", "knownAfterDays", "noticeCooldownMinutes", "noticeMessages",
        ])
        result.customerDailyMessages = limits.integer("customerDailyMessages", in: 1...1_000_000) ?? result.customerDailyMessages
        result.customerDailyCalls = limits.integer("customerDailyCalls", in: 1...10_000) ?? result.customerDailyCalls
        result.unknownSenderPerIPPerMinute = limits.integer("unknownSenderPerIPPerMinute", in: 1...100_000) ?? result.unknownSenderPerIPPerMinute
        result.rapidFireMessages = limits.integer("rapidFireMessages", in: 1...1_000) ?? result.rapidFireMessages
        result.rapidFireSeconds = limits.integer("rapidFireSeconds", in: 1...3_600) ?? result.rapidFireSeconds
        result.repeatLimit = limits.integer("repeatLimit", in: 2...1_000) ?? result.repeatLimit
        result.repeatWindowMinutes = limits.integer("repeatWindowMinutes", in: 1...10_080) ?? result.repeatWindowMinutes
        result.detectGibberish = limits.bool("detectGibberish") ?? result.detectGibberish
        result.knownAfterMessages = limits.integer("knownAfterMessages", in: 1...1_000_000) ?? result.knownAfterMessages
        result.knownAfterDays = limits.integer("knownAfterDays", in: 0...3_650) ?? result.knownAfterDays
        result.noticeCooldownMinutes = limits.integer("noticeCooldownMinutes", in: 1...1_440) ?? result.noticeCooldownMinutes
        if let multipliers = limits.object("trustMultipliers") {
            multipliers.rejectUnknownKeys(["new", "known", "verified"])
            result.trustMultipliers.new = multipliers.integer("new", in: 1...100) ?? result.trustMultipliers.new
            result.trustMultipliers.known = multipliers.integer("known", in: 1...100) ?? result.trustMultipliers.known
            result.trustMultipliers.verified = multipliers.integer("verified", in: 1...100) ?? result.trustMultipliers.verified
        }
        if let notices = limits.object("noticeMessages") {
            notices.rejectUnknownKeys(Set(GuardReason.allCases.map(\.configurationKey)))
            for reason in GuardReason.allCases {
                guard let text = notices.string(reason.configurationKey) else { continue }
                if text.count > 1_000 {
                    notices.diagnostics.error(file: notices.file, path: notices.child(reason.configurationKey), reason: "must be at most 1000 characters")
                } else {
                    result.noticeMessages[reason] = text
                }
            }
        }
        return result
    }

    /// Reads a tenant's `budget` object.
    func readBudget(_ budget: ConfigReader) -> TenantBudget {
        var result = TenantBudget()
        budget.rejectUnknownKeys(["monthlyLimit", "currency"])
        result.monthlyLimit = budget.number("monthlyLimit", in: 0...1_000_000_000) ?? result.monthlyLimit
        if let currency = budget.string("currency") {
            if currency.count == 3, currency.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                result.currency = currency
            } else {
                budget.diagnostics.error(file: budget.file, path: budget.child("currency"), reason: "expected a three-letter currency code such as \"USD\", found \"\(currency)\"")
            }
        }
        return result
    }
}
