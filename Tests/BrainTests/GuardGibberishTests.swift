import Brain
import Testing

@Suite struct GuardGibberishTests {
    let detector = GibberishDetector()

    /// Messages real customers send, in many languages and shapes: none may be flagged.
    static let normal = [
        "hi", "ok", "Thanks!", "?", "k", "yes please",
        "Where is my order?",
        "Can I change my delivery address to 221B Baker Street?",
        "What time do you open tomorrow?",
        "lol that's great 😂",
        "hahahaha perfect, thank you",
        "brb gtg ttyl", "thx!! np", "omg yesss", "Hmmm, not sure", "Mmhmm", "Nooooo way!!!", "Zzzzzz",
        "Grrrrr this is so annoying",
        "HELP!!! MY CAKE IS MISSING",
        "Order #A7X-99213", "98231", "12345678", "+1 (555) 010-9999", "Order QWXKZT please",
        "👍", "😂😂😂😂😂", "🎉🎂🎈",
        "https://example.com/track?id=xk3j9qz",
        "see www.bakery-example.com/menu",
        "my email is jdoe1987@example.com",
        "Strengths and weaknesses of the rhythm section",
        "My qwerty keyboard is broken, sorry for typos",
        "I'd like the gluten-free bread, pls",
        "Mississippi mud pie for Saturday?",
        "Wann öffnet ihr morgen?",
        "Ich möchte meine Bestellung stornieren.",
        "Herbststurm hat unser Paket beschädigt",
        "Angstschweiß! Wo ist meine Torte?",
        "Bonjour, est-ce que vous livrez à domicile ?",
        "Merci beaucoup !",
        "¿Dónde está mi pedido?",
        "jajajaja gracias",
        "Obrigado kkkkkkk",
        "Vocês entregam no sábado? rsrsrs",
        "Ciao, a che ora chiudete? ahahahah",
        "Dzień dobry, czy macie chleb bezglutenowy?",
        "Chciałbym zamówić tort dla pana Krzysztofa Szczepańskiego",
        "Dobrý den, kdy máte otevřeno?",
        "Ovo je čvrst stol",
        "Hoe laat gaan jullie open?",
        "Siparişim ne zaman gelir?",
        "Cảm ơn bạn rất nhiều",
        "wkwkwk oke makasih",
        "Diolch yn fawr",
        "我的订单在哪里？", "哈哈哈哈哈哈哈",
        "注文はいつ届きますか？", "wwwww",
        "배송은 언제 되나요?", "ㅋㅋㅋㅋㅋ",
        "Здравствуйте, где мой заказ?", "аааааааааа",
        "متى تفتحون غدا؟",
        "מתי אתם פותחים?",
        "मेरा ऑर्डर कहाँ है?",
        "ขอบคุณครับ 55555",
        "Πότε ανοίγετε;",
    ]

    /// Keyboard mashing: every one must be flagged.
    static let gibberish = [
        "asdfghjkl",
        "qwertyuiop",
        "sdkjfhsdkjfh",
        "aaaaaaaaaaaa",
        "zxcvbnm",
        "jkjkjkjkjkjkjkjk",
        "dfgdfgdfgdfg",
        "xjqzv bnmrt kplwx",
        "hjkl hjkl hjkl",
        "fjdksla fjdksla fjdksla",
        "lkjhgfdsa",
        "mnbvcxz",
        "ghghghghghghghgh",
        "qpwoeirutyalskdjfhg",
        "xzxzxzxzxz xzxzxzxz",
        "bbbbbbbbbbbbb",
        "wqrtp zxcvb",
        "asdasdasdasdasd",
        "thsdfkj dkfjhsd",
        "nvmdkslqpz",
        "ASDFGHJKL",
        "sdfsdf sdfsdf sdfsdf",
    ]

    @Test func theCorpusIsLargeEnough() {
        #expect(Self.normal.count >= 30)
        #expect(Self.gibberish.count >= 15)
    }

    @Test(arguments: normal)
    func normalMessagesPass(_ text: String) {
        #expect(detector.signal(in: text) == nil, "flagged: \(text)")
    }

    @Test(arguments: gibberish)
    func gibberishIsFlagged(_ text: String) {
        #expect(detector.isGibberish(text), "not flagged: \(text)")
    }

    @Test func saysWhichRuleFired() {
        #expect(detector.signal(in: "aaaaaaaa") == .repeatedCharacter)
        #expect(detector.signal(in: "asdfgh") == .keyboardRun)
        #expect(detector.signal(in: "wrtpqzk") == .noVowels)
        #expect(detector.signal(in: "qpwoeirutyalskdjfhg") == .consonantRun)
        #expect(detector.signal(in: "asdasdasdasd") == .lowDiversity)
    }
}
