import Brain
import Testing

@Suite struct BudgetPricingTests {
    @Test func defaultPricesInNanos() {
        let pricing = Pricing()
        #expect(pricing.smsSegmentNanos == 7_900_000)
        #expect(pricing.voiceMinuteNanos == 14_000_000)
        #expect(pricing.emailNanos == 100_000)
        #expect(pricing.embeddingTokenNanos == 20)
    }

    @Test func conversionsRoundToTheNearestNano() {
        #expect(Nanos.fromCurrency(50) == 50_000_000_000)
        #expect(Nanos.fromCurrency(0.1) == 100_000_000)
        #expect(Nanos.fromCurrency(0.0000000014) == 1)
        #expect(Nanos.fromCurrency(-3) == 0)
        #expect(Nanos.fromCurrency(.nan) == 0)
        #expect(Nanos.perToken(pricePerMillion: 0.15) == 150)
        #expect(Nanos.perToken(pricePerMillion: 0.0756) == 76)
        #expect(Nanos.toCurrency(7_900_000) == 0.0079)
    }

    @Test func budgetLimitAndThresholds() {
        let budget = TenantBudget()
        #expect(budget.monthlyLimit == 50)
        #expect(budget.limitNanos == 50_000_000_000)
        #expect(budget.alertThresholds == [75, 90, 100])
        #expect(TenantBudget(monthlyLimit: 12.34).limitNanos == 12_340_000_000)
    }

    @Test func costEntriesForChannels() {
        let pricing = Pricing()
        let sms = pricing.smsCost(tenantID: "bakery", channelID: "sms", segments: 3, reference: "SM123")
        #expect(sms.kind == .smsSegment)
        #expect(sms.unit == "segment")
        #expect(sms.amountNanos == 23_700_000)
        #expect(sms.reference == "SM123")

        #expect(pricing.voiceCost(tenantID: "bakery", channelID: "voice", durationSeconds: 61).quantity == 2)
        #expect(pricing.voiceCost(tenantID: "bakery", channelID: "voice", durationSeconds: 120).quantity == 2)
        #expect(pricing.voiceCost(tenantID: "bakery", channelID: "voice", durationSeconds: 0).quantity == 0)
        #expect(pricing.voiceCost(tenantID: "bakery", channelID: "voice", durationSeconds: 61).amountNanos == 28_000_000)

        #expect(pricing.emailCost(tenantID: "bakery", channelID: "mail").amountNanos == 100_000)
        let embedding = pricing.embeddingCost(tenantID: "bakery", channelID: nil, tokens: 1_000_000)
        #expect(embedding.amountNanos == 20_000_000)
        #expect(embedding.kind == .embedding)
    }
}
