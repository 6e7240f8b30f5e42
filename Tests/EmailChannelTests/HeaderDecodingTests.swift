import EmailChannel
import Foundation
import Testing

@Suite struct HeaderDecodingTests {
    @Test func unfoldsHeadersAndLooksThemUpInAnyCase() {
        let headers = MailHeaders(parsing: crlf("""
        From jane@example.com Tue Jun  3 05:42:51 2025
        Subject: A long subject
         that was folded
        \ttwice
        References: <a@x.example>
         <b@y.example>
        X-Empty:
        to: help@reply.bakery.example

        Body: not a header
        """))
        #expect(headers["SUBJECT"] == "A long subject that was folded\ttwice")
        #expect(headers["references"] == "<a@x.example> <b@y.example>")
        #expect(headers["X-Empty"] == "")
        #expect(headers["To"] == "help@reply.bakery.example")
        #expect(headers["Body"] == nil)
        #expect(headers.fields.count == 4)
    }

    @Test(arguments: [
        ("=?UTF-8?B?w4RuZGVydW5nIGRlciBCZXN0ZWxsdW5n?=", "Änderung der Bestellung"),
        ("=?iso-8859-1?Q?Gr=FC=DFe_aus_K=F6ln?=", "Grüße aus Köln"),
        ("=?windows-1252?Q?=93Quoted=94_=80_price?=", "“Quoted” € price"),
        ("Re: =?utf-8?q?Caf=C3=A9?= order", "Re: Café order"),
        // Whitespace between adjacent encoded-words is dropped; a character split across two words survives.
        ("=?UTF-8?B?w6Q=?= =?UTF-8?B?w7Y=?=", "äö"),
        ("=?UTF-8?Q?=E2=82?=\r\n =?UTF-8?Q?=AC_100?=", "€ 100"),
        ("=?utf-8*en?Q?Hello?=", "Hello"),
        ("=?koi8-r?B?8NLJ18XU?=", "Привет"),
        ("=?utf-8?X?unknown?= stays", "=?utf-8?X?unknown?= stays"),
        ("=?utf-8?Q?broken", "=?utf-8?Q?broken"),
        ("plain = text ?= here", "plain = text ?= here"),
    ])
    func decodesEncodedWords(raw: String, expected: String) {
        #expect(EncodedWord.decode(raw) == expected)
    }

    @Test(arguments: [
        ("\"Doe, Jane\" <Jane.Doe@Example.com>", "Jane.Doe@Example.com", "Doe, Jane"),
        ("Jane Doe <jane@example.com>", "jane@example.com", "Jane Doe"),
        ("<jane@example.com>", "jane@example.com", nil),
        ("jane@example.com", "jane@example.com", nil),
        ("jane@example.com (Jane Doe)", "jane@example.com", "Jane Doe"),
        ("=?UTF-8?Q?Jos=C3=A9_Garc=C3=ADa?= <jose@example.es>", "jose@example.es", "José García"),
        ("\"=?ISO-8859-1?Q?J=F6rg?=\" <joerg@example.de>", "joerg@example.de", "Jörg"),
    ] as [(String, String, String?)])
    func readsMailboxes(raw: String, address: String, name: String?) throws {
        let mailbox = try #require(MailAddress.parse(raw))
        #expect(mailbox.address == address)
        #expect(mailbox.displayName == name)
        #expect(mailbox.normalized == address.lowercased())
    }

    @Test func readsAddressLists() {
        let list = MailAddress.parseList("\"Doe, Jane\" <jane@example.com>, bob@example.com; undisclosed-recipients:;, not an address")
        #expect(list.map(\.address) == ["jane@example.com", "bob@example.com"])
    }

    @Test func validatesAddresses() {
        #expect(MailAddress.isValid("help@bakery.example"))
        #expect(MailAddress.isValid("first.last+tag@sub.example.co.uk"))
        for invalid in ["", "help", "help@", "@bakery.example", "help@bakery", "he lp@bakery.example", "a@b@c.example",
                        "<help@bakery.example>", "help@bakery..example", "help@-bakery.example"] {
            #expect(!MailAddress.isValid(invalid), "\(invalid)")
        }
    }

    @Test func readsStructuredValuesWithParameters() {
        let type = HeaderValue(parsing: "Text/Plain; charset=\"ISO-8859-1\"; format=flowed; delsp=yes")
        #expect(type.value == "text/plain")
        #expect(type[parameter: "CHARSET"] == "ISO-8859-1")
        #expect(type[parameter: "format"] == "flowed")
        let continued = HeaderValue(parsing: "attachment; filename*0*=utf-8''Rechnung%20M%C3%A4rz; filename*1=\" 2025.pdf\"")
        #expect(continued[parameter: "filename"] == "Rechnung März 2025.pdf")
    }

    @Test(arguments: [
        ("Tue, 3 Jun 2025 05:42:51 +0100", 1_748_925_771.0),
        ("3 Jun 2025 04:42:51 GMT", 1_748_925_771.0),
        ("Mon, 02 Jun 2025 21:42:51 -0700 (PDT)", 1_748_925_771.0),
        ("Mon, 2 Jun 25 23:42:51 EST", 1_748_925_771.0),
        ("Tue, 03 Jun 2025 04:42 +0000", 1_748_925_720.0),
    ])
    func readsDates(raw: String, expected: Double) {
        #expect(MailDate.parse(raw) == Date(timeIntervalSince1970: expected))
    }

    @Test func refusesNonDates() {
        #expect(MailDate.parse("yesterday") == nil)
        #expect(MailDate.parse("Tue, 33 Jun 2025 05:42:51 +0100") == nil)
        #expect(MailDate.parse("Tue, 3 Foo 2025 05:42:51 +0100") == nil)
    }

    @Test func readsMessageIDs() {
        #expect(MessageID.ids(in: "<a@x.example> (comment)\r\n <b@y.example> <a@x.example>") == ["a@x.example", "b@y.example"])
        #expect(MessageID.ids(in: "a@x.example b@y.example") == ["a@x.example", "b@y.example"])
        #expect(MessageID.ids(in: nil).isEmpty)
        let long = (0..<30).map { "id\($0)@x.example" }
        #expect(MessageID.trimmed(long).count == 20)
        #expect(MessageID.trimmed(long).first == "id0@x.example")
        #expect(MessageID.trimmed(long).last == "id29@x.example")
    }
}
