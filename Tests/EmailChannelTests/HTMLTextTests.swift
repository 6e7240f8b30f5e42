import EmailChannel
import Testing

@Suite struct HTMLTextTests {
    @Test func blocksBreaksListsAndEntities() {
        let html = """
        <html><head><title>Order</title><style>.x{color:red}</style></head>
        <body><h1>Your order</h1><p>Dear&nbsp;Jane,<br>thanks &amp; welcome &#8212; it&#39;s &quot;ready&quot; &eacute;t&#xE9; &unknown;</p>
        <ol><li>Bread</li><li>Cake <a href="https://bakery.example/cake">details</a></li></ol>
        <table><tr><td>Total</td><td>€12</td></tr></table>
        <script>var x = "<p>no</p>";</script><!-- a comment <p>hidden</p> -->
        <div>a &lt; b but 3 < 4</div></body></html>
        """
        #expect(HTMLText.plainText(html) == """
        Your order

        Dear Jane,
        thanks & welcome — it's "ready" été &unknown;

        1. Bread
        2. Cake details

        Total €12

        a < b but 3 < 4
        """)
    }

    @Test func blockquotesBecomeQuotedLines() {
        let html = "<div>Yes, Saturday.</div><div class=\"gmail_quote\">On Mon, Jun 2, 2025 at 6:10 PM Bella <help@bakery.example> wrote:<blockquote>When?<blockquote>Old</blockquote></blockquote></div>"
        #expect(HTMLText.plainText(html) == "Yes, Saturday.\nOn Mon, Jun 2, 2025 at 6:10 PM Bella wrote:\n\n> When?\n\n>> Old")
    }

    @Test func preformattedTextKeepsItsLines() {
        #expect(HTMLText.plainText("<pre>  a\n    b</pre><p>c   d</p>") == "  a\n    b\n\nc d")
    }
}
