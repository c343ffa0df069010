"""English and Vietnamese in a real browser (issue 16, "Vietnamese all the way, English available"): the
language switch in the header turns the pages into English and back, and no text of ours that the catalogue
translates is left in Vietnamese on the pages each role opens first. The same check over every page, through
Django's test client, is tests/test_two_languages.py; this journey proves it through the switch a user clicks."""

import re

import pytest

from tests.test_two_languages import _norm, _wanted

from .conftest import sign_in

pytestmark = pytest.mark.e2e

PAGES = {
    "thuongtruc": ["/", "/hoi/", "/van-ban/", "/bao-cao/"],
    "dandan": ["/", "/van-ban/don-doc/", "/giam-sat/"],
    "quanuy.ninhkieu": ["/", "/hoi/"],
}

VISIBLE_TEXTS = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (!el || el.closest('script,style,template,[hidden]')) continue;
    const text = node.textContent.replace(/\\s+/g, ' ').trim();
    if (text) out.push(text);
  }
  for (const el of document.querySelectorAll('[placeholder],[aria-label],[title]')) {
    for (const a of ['placeholder', 'aria-label', 'title']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
  }
  return out;
}"""


def _untranslated(page, whole: dict[str, str], pieces: dict[str, str]) -> list[str]:
    found = []
    for text in page.evaluate(VISIBLE_TEXTS):
        key = _norm(text)
        if key in whole:
            found.append(f"“{key}” (English: “{whole[key]}”)")
        found += [f"“{p}…”" for p in pieces if p in text]
    return found


@pytest.mark.parametrize("username", sorted(PAGES))
def test_the_language_switch_turns_the_pages_into_english_and_back(page, username):
    whole, pieces = _wanted()
    sign_in(page, username)
    page.goto(PAGES[username][0])
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    problems = []
    for path in PAGES[username]:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == "en", path
        problems += [f"{path}: {p}" for p in _untranslated(page, whole, pieces)]
    assert not problems, "Untranslated on English pages:\n" + "\n".join(problems)
    assert page.get_by_role("button", name="Đăng xuất").count() == 0  # the header itself is in English
    page.get_by_role("button", name="Tiếng Việt").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("button", name="Đăng xuất").count() == 1
    assert re.search(r"\bLog out\b", page.locator("header").inner_text()) is None
