#!/usr/bin/env python3
"""Drives the web chat widget in a real browser (headless Chromium) against a running gateway.

Opens the channel's demo page, asks a question through the widget, waits for the answer, takes a
screenshot, reloads to check the conversation comes back without duplicates, checks the keyboard
behaviour and the full-screen panel on a phone-sized window. scripts/webchat-browser-check starts
a gateway and runs it.

    python3 scripts/webchat_browser_test.py --base-url http://127.0.0.1:8080 \\
        [--channel demo-webchat] [--question "When are you open?"] [--expect "Tuesday to Sunday"] \\
        [--screenshot docs/images/webchat-widget.png] [--timeout 30]

Needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver) and the
`selenium` package; Selenium Manager is never asked to download anything.
"""
import argparse
import os
import sys
import time

os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager reach the network

from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# Every message the widget shows, in page order, read inside its shadow root.
READ_MESSAGES = """
const root = document.querySelector('[data-ocg="root"]');
const scope = root && root.shadowRoot ? root.shadowRoot : document;
return Array.from(scope.querySelectorAll('[data-ocg="message"]'), (node) => ({
  role: node.dataset.role,
  seq: node.dataset.seq === undefined ? null : Number(node.dataset.seq),
  text: node.querySelector('[data-ocg="text"]').textContent,
  pending: node.classList.contains('pending'),
}));
"""

# The data-ocg name of the focused element inside the widget (null when focus is elsewhere).
FOCUSED_HOOK = """
const root = document.querySelector('[data-ocg="root"]');
const scope = root && root.shadowRoot ? root.shadowRoot : document;
const active = scope.activeElement;
return active ? active.getAttribute('data-ocg') : null;
"""

IS_SHOWN = """
const node = arguments[0];
const style = getComputedStyle(node);
return node.getClientRects().length > 0 && style.visibility !== 'hidden' && style.display !== 'none';
"""


class Failure(Exception):
    pass


class WidgetPage:
    """The demo page and the widget inside it."""

    def __init__(self, driver, base_url, channel, timeout):
        self.driver = driver
        self.url = f"{base_url.rstrip('/')}/chat/{channel}"
        self.timeout = timeout

    def load(self):
        self.driver.get(self.url)
        self.wait_for_widget()

    def reload(self):
        self.driver.refresh()
        self.wait_for_widget()

    def wait_for_widget(self):
        self.wait(lambda _: self.driver.execute_script("return !!document.querySelector('[data-ocg=\"root\"]')"),
                  "the widget's root element to appear on the demo page")

    def find(self, hook):
        root = self.driver.find_element(By.CSS_SELECTOR, '[data-ocg="root"]')
        scope = root.shadow_root if self.driver.execute_script("return !!arguments[0].shadowRoot", root) else self.driver
        return scope.find_element(By.CSS_SELECTOR, f'[data-ocg="{hook}"]')

    def shown(self, hook):
        return self.driver.execute_script(IS_SHOWN, self.find(hook))

    def focused(self):
        return self.driver.execute_script(FOCUSED_HOOK)

    def messages(self):
        return self.driver.execute_script(READ_MESSAGES)

    def open(self):
        self.find("launcher").click()
        self.wait(lambda _: self.shown("panel"), "the panel to open")
        self.wait(lambda _: self.focused() == "input", "focus to move into the composer")

    def wait(self, condition, what, timeout=None):
        try:
            return WebDriverWait(self.driver, timeout or self.timeout, poll_frequency=0.1).until(condition)
        except TimeoutException:
            try:
                shown = describe(self.messages())
            except WebDriverException:
                shown = "(unreadable)"
            raise Failure(f"timed out after {timeout or self.timeout} s waiting for {what}; messages shown: {shown}") from None

    def wait_until_settled(self, quiet=1.5):
        """Waits until the message list stops changing for `quiet` seconds (late duplicates would show)."""
        last, since = None, time.monotonic()
        deadline = since + self.timeout
        while time.monotonic() < deadline:
            now = self.messages()
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return now
            time.sleep(0.1)
        raise Failure("the message list never stopped changing")


def step(text):
    print(f"ok   {text}", flush=True)


def check(condition, message):
    if not condition:
        raise Failure(message)


def describe(messages):
    return "; ".join(f"#{m['seq']} {m['role']}: {m['text'][:60]!r}" for m in messages) or "(none)"


def check_history(messages, question, expect):
    seqs = [m["seq"] for m in messages]
    check(None not in seqs, f"a message has no seq after the conversation settled: {describe(messages)}")
    check(len(seqs) == len(set(seqs)), f"duplicate seq in the list: {seqs}")
    check(seqs == sorted(seqs), f"messages are not in seq order: {seqs}")
    check(messages and messages[0]["seq"] == 1 and messages[0]["role"] == "assistant",
          f"the first message is not the welcome (assistant, seq 1): {describe(messages)}")
    asked = [m for m in messages if m["role"] == "visitor" and m["text"] == question]
    check(len(asked) == 1, f"the question appears {len(asked)} times, not once: {describe(messages)}")
    answered = [m for m in messages if m["role"] == "assistant" and expect in m["text"] and m["seq"] > asked[0]["seq"]]
    check(answered, f"no assistant answer containing {expect!r} after the question: {describe(messages)}")


def run(driver, args):
    page = WidgetPage(driver, args.base_url, args.channel, args.timeout)

    page.load()
    step(f"demo page {page.url} loaded with the widget")
    check(page.shown("launcher"), "the launcher is not visible")
    check(not page.shown("panel"), "the panel is open before the launcher was clicked")
    check(page.find("launcher").get_attribute("aria-expanded") == "false", "launcher aria-expanded is not false")

    page.open()
    check(page.find("launcher").get_attribute("aria-expanded") == "true", "launcher aria-expanded is not true")
    step("launcher opens the panel; focus is in the composer")

    page.wait(lambda _: any(m["seq"] == 1 and m["role"] == "assistant" for m in page.messages()),
              "the welcome message (assistant, seq 1)")
    welcome = page.messages()[0]
    step(f"welcome message shown: {welcome['text'][:70]!r}")

    box = page.find("input")
    box.send_keys(args.question)
    box.send_keys(Keys.ENTER)
    check(box.get_attribute("value") == "", "the composer is not empty after Enter")
    page.wait(lambda _: any(m["role"] == "assistant" and args.expect in m["text"] for m in page.messages()),
              f"an assistant message containing {args.expect!r}")
    messages = page.wait_until_settled()
    check_history(messages, args.question, args.expect)
    step(f"question sent with Enter, shown once; answer arrived ({len(messages)} messages)")

    if args.screenshot:
        os.makedirs(os.path.dirname(os.path.abspath(args.screenshot)), exist_ok=True)
        check(driver.save_screenshot(args.screenshot), f"could not write the screenshot to {args.screenshot}")
        step(f"screenshot saved to {args.screenshot}")

    page.reload()
    page.open()
    page.wait(lambda _: len(page.messages()) >= len(messages), f"the {len(messages)} earlier messages after a reload")
    replayed = page.wait_until_settled()
    check_history(replayed, args.question, args.expect)
    check([m["seq"] for m in replayed] == [m["seq"] for m in messages],
          f"the history after the reload differs: before {describe(messages)}; after {describe(replayed)}")
    step(f"after a reload the whole history is back, no duplicates (seq {replayed[0]['seq']}–{replayed[-1]['seq']})")

    page.find("input").send_keys(Keys.ESCAPE)
    page.wait(lambda _: not page.shown("panel"), "Escape to close the panel")
    page.wait(lambda _: page.focused() == "launcher", "focus to return to the launcher")
    check(page.find("launcher").get_attribute("aria-expanded") == "false", "launcher aria-expanded is not false after closing")
    step("Escape closes the panel; focus is back on the launcher")

    driver.set_window_size(390, 844)
    page.open()
    def measure():
        return driver.execute_script(
            "const r = arguments[0].getBoundingClientRect(); const d = document.documentElement;"
            "return {panel: r.width, left: r.left, viewport: d.clientWidth, scroll: d.scrollWidth};",
            page.find("panel"))

    def full_screen(sizes):
        return abs(sizes["panel"] - sizes["viewport"]) <= 1 and abs(sizes["left"]) <= 1

    try:  # the panel's opening animation scales it for a moment
        page.wait(lambda _: full_screen(measure()), "the panel to fill the window", timeout=3)
    except Failure:
        pass
    sizes = measure()
    check(full_screen(sizes), f"on a 390 px wide window the panel is {sizes['panel']} px wide at x={sizes['left']}, "
          f"not the viewport's {sizes['viewport']} px")
    check(sizes["scroll"] <= sizes["viewport"], f"the page overflows horizontally ({sizes['scroll']} > {sizes['viewport']} px)")
    step(f"on a phone-sized window the panel is full-screen ({sizes['panel']:.0f} px)")


def make_driver():
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.path.exists(path):
            raise Failure(f"{path} is missing: apt-get install chromium chromium-driver")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)


def print_console(driver):
    try:
        entries = driver.get_log("browser")
    except WebDriverException:
        return
    print("browser console:" if entries else "browser console: (empty)", file=sys.stderr)
    for entry in entries:
        print(f"  {entry.get('level')} {entry.get('message')}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", required=True, help="the gateway, e.g. http://127.0.0.1:8080")
    parser.add_argument("--channel", default="demo-webchat")
    parser.add_argument("--question", default="When are you open?")
    parser.add_argument("--expect", default="Tuesday to Sunday", help="a substring of the expected answer")
    parser.add_argument("--screenshot", help="where to save a PNG of the open widget")
    parser.add_argument("--timeout", type=float, default=30, help="seconds to wait for each step")
    args = parser.parse_args()

    driver = None
    try:
        driver = make_driver()
        run(driver, args)
    except (Failure, WebDriverException) as error:
        print(f"FAIL {error}", file=sys.stderr)
        if driver:
            print_console(driver)
        sys.exit(1)
    finally:
        if driver:
            driver.quit()
    print("web chat browser test passed")


if __name__ == "__main__":
    main()
