import Testing
import TwilioChannel

@Suite struct VoiceSpeakableTextTests {
    static func english(_ text: String, limit: Int = 600) -> String {
        VoiceSpeakableText(language: "en-US", maxCharacters: limit).speakable(text)
    }

    @Test func makesTheDocumentedExampleSpeakable() {
        #expect(Self.english("**Open** 09:00–17:30. See [our menu](https://bakery.com/menu) 🥐") == "Open 9 AM to 5:30 PM. See our menu")
    }

    @Test(arguments: [
        ("**Fresh** bread _today_, `rye` and ~~spelt~~ __too__.", "Fresh bread today, rye and spelt too."),
        ("# Opening hours\nWe're open every day.", "Opening hours. We're open every day."),
        ("We bake:\n- sourdough\n* rye\n+ brioche\n\n1. order\n2) pick up", "We bake: sourdough. rye. brioche. order. pick up"),
        ("> Best croissants in town\nsays the Chronicle.", "Best croissants in town. says the Chronicle."),
        ("See [our menu](https://bakery.com/menu) and [prices](/prices).", "See our menu and prices."),
        ("Use code #1 | or *this*", "Use code 1 or this"),
    ])
    func stripsMarkdown(text: String, expected: String) {
        #expect(Self.english(text) == expected)
    }

    @Test(arguments: [
        ("Great choice! 🥐🎂", "Great choice!"),
        ("We ❤️ bread ☀ and 👍🏽 cakes 🇺🇸.", "We bread and cakes."),
        ("Press 1️⃣ or say 2, #3 and 4*5", "Press or say 2, 3 and 4 5"),
        ("Family 👨‍👩‍👧 cakes™ © 2024", "Family cakes™ © 2024"),
    ])
    func removesEmoji(text: String, expected: String) {
        #expect(Self.english(text) == expected)
    }

    @Test(arguments: [
        ("Order at https://www.bakery.com/order?id=1.", "Order at bakery dot com."),
        ("Our menu is at example.com/menu, have a look!", "Our menu is at example dot com, have a look!"),
        ("Visit www.bella-bakery.co.uk today", "Visit bella dash bakery dot co dot uk today"),
        ("See (https://bakery.com) for more", "See (bakery dot com) for more"),
        ("Book at https://booking.reservations.bellas-artisan-bakery-and-cafe.com/x?y=1 now.", "Book at now."),
        ("Try http://192.168.1.20:8080/menu.", "Try."),
        ("A loaf costs $4.50, e.g. rye, or 3.5 kg for 20% less.", "A loaf costs $4.50, e.g. rye, or 3.5 kg for 20% less."),
    ])
    func speaksWebAddressesAsDomains(text: String, expected: String) {
        #expect(Self.english(text) == expected)
    }

    @Test(arguments: [
        ("Write to info@bakery.com.", "Write to info at bakery dot com."),
        ("Email jane.doe+cakes@bella-bakery.co.uk or orders_2@x.io", "Email jane dot doe plus cakes at bella dash bakery dot co dot uk or orders underscore 2 at x dot io"),
    ])
    func speaksEmailAddresses(text: String, expected: String) {
        #expect(Self.english(text) == expected)
    }

    @Test(arguments: [
        ("We open at 09:00.", "We open at 9 AM."),
        ("We close at 14:30 today.", "We close at 2:30 PM today."),
        ("Lunch until 12:00, bar until 00:15.", "Lunch until 12 PM, bar until 12:15 AM."),
        ("Open 09:00–17:30 daily.", "Open 9 AM to 5:30 PM daily."),
        ("Pick up at 7:30 p.m. or 10am.", "Pick up at 7:30 PM or 10 AM."),
        ("From 7 am - 6 pm.", "From 7 AM to 6 PM."),
        ("The train leaves at 9:30.", "The train leaves at 9:30."),
        ("Not times: 24:00, 3:2, 10:5, 1:30:15, 5 amps.", "Not times: 24:00, 3:2, 10:5, 1:30:15, 5 amps."),
    ])
    func readsTimesOnTheTwelveHourClockInEnglish(text: String, expected: String) {
        #expect(Self.english(text) == expected)
    }

    @Test func keepsTwentyFourHourTimesAndUsesTheLanguagesWordsElsewhere() {
        let spanish = VoiceSpeakableText(language: "es-MX", maxCharacters: 600)
        #expect(spanish.speakable("Abrimos a las 09:00. Escríbanos a pedidos@panaderia.mx o visite panaderia.mx")
            == "Abrimos a las 09:00. Escríbanos a pedidos arroba panaderia punto mx o visite panaderia punto mx")
        let french = VoiceSpeakableText(language: "fr-FR", maxCharacters: 600)
        #expect(french.speakable("Écrivez à contact@boulangerie.fr") == "Écrivez à contact arobase boulangerie point fr")
        let unknown = VoiceSpeakableText(language: "sv-SE", maxCharacters: 600)
        #expect(unknown.speakable("info@bageri.se") == "info at bageri dot se")
    }

    @Test func collapsesWhitespaceAndStrayPunctuation() {
        #expect(Self.english("  Hello   there ,  friend .\n\n\nSee you\tsoon ! ") == "Hello there, friend. See you soon!")
        #expect(Self.english("Wait... what?") == "Wait. what?")
    }

    @Test func cutsAtTheLastSentenceThatFits() {
        let text = "We bake every morning. Our rye is sour. The croissants sell out by nine, so come early."
        #expect(Self.english(text, limit: 50) == "We bake every morning. Our rye is sour.")
        #expect(Self.english(text, limit: 40) == "We bake every morning. Our rye is sour.")
        #expect(Self.english(text, limit: 38) == "We bake every morning.")
        #expect(Self.english(text, limit: 1_000) == text)
    }

    @Test func cutsAtAWordWhenNoSentenceFits() {
        let text = "Our bakery has been making sourdough bread with a century old starter since nineteen twenty"
        let result = Self.english(text, limit: 40)
        #expect(result == "Our bakery has been making sourdough.")
        #expect(result.count <= 41)
    }

    @Test func leavesNothingForNothingSpeakable() {
        #expect(Self.english("🎉🎉 **") == "")
        #expect(Self.english("") == "")
    }
}
