"""Two languages (issue 16 part 2): with English chosen, a page shows no Vietnamese text the catalogue could
have translated.

Every GET page without an id in its URL (tests/access.walk) and a few detail pages, as several demo roles, is
asked for with the language cookie set to English (the cookie `set_language` writes). A page fails when it
contains a msgid of sohoi/locale/en/LC_MESSAGES/django.po that has an English translation: the string was
meant to be translated and was not (a gettext evaluated at import time instead of gettext_lazy, a label copied
with str() into a constant, a template that prints a Vietnamese constant...).

Only catalogue entries all of whose sources are in swept code are looked for (the other branch's apps are in
NOT_YET_SWEPT, as in tests/test_i18n_literals.py), and only entries long enough not to be data by accident
(a unit or association name sharing a word with a label): see _wanted.
"""

from __future__ import annotations

import ast
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.access import fill, walk
from tests.test_i18n_literals import NOT_YET_SWEPT

PO = Path(__file__).resolve().parent.parent / "sohoi" / "locale" / "en" / "LC_MESSAGES" / "django.po"
ROLES = ("thuongtruc", "dandan", "hoi.khuyenhoc", "quanuy.ninhkieu")
# Pages of the apps swept so far (the other apps' pages join when NOT_YET_SWEPT empties).
SWEPT_NAMESPACES = {"accounts", "orgs", "core", "associations"}
ALL_NAMESPACES = SWEPT_NAMESPACES | NOT_YET_SWEPT
SKIP = {"accounts:logout", "accounts:otp_setup", "accounts:otp_verify", "accounts:otp_disable",
        "associations:member_template", "associations:register_template", "core:healthz", "core:readyz"}
# Msgids that are also shown as data or on purpose in Vietnamese.
ALSO_DATA = {
    "Tiếng Việt",  # the language switch names each language in that language
    # Role labels that are also the names of demo units, or a demo user's position (data, shown as typed).
    "Sở Nội vụ", "Thường trực Thành ủy", "Quản trị hệ thống",
    "Khác",  # the field of activity "Khác" is a row of the reference data, listed in the filters as stored
}
MIN_LENGTH = 4  # whole texts shorter than this ("Có", "Hủy") are too short to tell from data
PIECE_LENGTH = 20


def _catalogue() -> list[tuple[str, str, list[str]]]:
    """(msgid, msgstr, source files) of the singular entries of the English catalogue."""
    entries, refs, parts, current = [], [], {"msgid": [], "msgstr": []}, None
    lines = PO.read_text(encoding="utf-8").splitlines() + [""]
    for line in lines:
        if not line.strip():
            msgid, msgstr = "".join(parts["msgid"]), "".join(parts["msgstr"])
            if msgid and msgstr:
                entries.append((msgid, msgstr, refs))
            refs, parts, current = [], {"msgid": [], "msgstr": []}, None
        elif line.startswith("#:"):
            refs += [r.rsplit(":", 1)[0] for r in line[2:].split()]
        elif line.startswith("#"):
            continue
        elif line.startswith(("msgid_plural", "msgstr[")):
            current = None  # plural entries: their singular msgid is what a template prints with a count
        elif line.startswith(("msgid ", "msgstr ")):
            current = line.split(" ", 1)[0]
            parts[current].append(ast.literal_eval(line.split(" ", 1)[1]))
        elif line.startswith('"') and current:
            parts[current].append(ast.literal_eval(line))
    return entries


def _swept(path: str) -> bool:
    parts = path.split("/")
    return len(parts) > 1 and parts[1] not in NOT_YET_SWEPT


def _wanted() -> tuple[dict[str, str], dict[str, str]]:
    """Two lookups of the entries a swept page must not show untranslated: (whole texts, pieces).

    A msgid without placeholders is looked for as a whole text node or attribute value: labels, headings and
    buttons are whole nodes, while a name in the data ("Ủy ban nhân dân phường An Khánh") only contains one.
    A msgid with placeholders or markup is looked for by its longest fixed piece, when that piece is long
    enough (PIECE_LENGTH) to be a sentence of ours and not data."""
    whole, pieces = {}, {}
    for msgid, msgstr, refs in _catalogue():
        if msgid == msgstr or msgid in ALSO_DATA or not refs or not all(_swept(r) for r in refs):
            continue
        parts = re.split(r"%\(\w+\)s|%s|%d|<[^>]*>|\{[^}]*\}", msgid)
        if len(parts) == 1:
            if len(msgid.strip()) >= MIN_LENGTH:
                whole[_norm(msgid)] = msgstr
            continue
        piece = max((p.strip() for p in parts), key=len)
        if len(piece) >= PIECE_LENGTH:
            pieces[piece] = msgstr
    return whole, pieces


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().rstrip(":").strip()


class _Texts(HTMLParser):
    """The text nodes and the shown attribute values of a page."""

    SHOWN = {"title", "placeholder", "aria-label", "alt"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.texts += [value for name, value in attrs if name in self.SHOWN and value]

    def handle_data(self, data):
        if data.strip():
            self.texts.append(data)


def _pages() -> list[tuple[str, str]]:
    seen, pages = set(), []
    for route in walk():
        namespace = route.name.split(":", 1)[0] if ":" in route.name else ""
        if (route.params or route.name in SKIP or namespace not in SWEPT_NAMESPACES or namespace in NOT_YET_SWEPT
                or route.pattern in seen):
            continue
        seen.add(route.pattern)
        pages.append((route.name, fill(route.pattern, "")))
    return pages


def _details() -> list[tuple[str, str]]:
    from sohoi.associations.models import Association
    from sohoi.orgs.models import Unit

    association = Association.objects.filter(name="Hội Khuyến học thành phố Cần Thơ").order_by("pk").first()
    front = Unit.objects.filter(kind="fatherland_front", parent=None, area__code="92").order_by("pk").first()
    return [("associations:association_detail", reverse("associations:association_detail", args=[association.pk])),
            ("orgs:unit_detail", reverse("orgs:unit_detail", args=[front.pk]))]


def _visible_text(body: str) -> list[str]:
    parser = _Texts()
    parser.feed(body)
    return [_norm(t) for t in parser.texts]


@pytest.fixture(scope="module")
def english_pages(django_db_setup, django_db_blocker):
    """{(role, page name): page text} for every swept page, as each role, in English."""
    from sohoi.accounts.models import User

    out = {}
    with django_db_blocker.unblock():
        pages = _pages() + _details()
        for username in ROLES:
            client = Client()
            client.force_login(User.objects.get(username=username))
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
            for name, path in pages:
                response = client.get(path)
                if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
                    out[(username, name)] = _visible_text(response.content.decode())
    return out


def test_english_pages_show_no_vietnamese_the_catalogue_translates(english_pages):
    whole, pieces = _wanted()
    assert len(whole) > 200 and len(pieces) > 20, "the catalogue reader found too few entries: it is broken"
    finder = re.compile("|".join(re.escape(w) for w in sorted(pieces, key=len, reverse=True)))
    problems = set()
    for (username, name), texts in sorted(english_pages.items()):
        for text in texts:
            if text in whole:
                problems.add(f"{name} as {username}: “{text}” (English: “{whole[text][:60]}”)")
            for found in finder.findall(text):
                problems.add(f"{name} as {username}: “{found}” (English: “{pieces[found][:60]}”)")
    assert not problems, "Untranslated on English pages:\n" + "\n".join(sorted(problems))


def test_the_pages_are_really_in_english(english_pages):
    """The test above would pass on pages that never switched language: check that they did."""
    assert len(english_pages) > 40
    lists = [texts for (username, name), texts in english_pages.items() if name == "associations:association_list"]
    assert lists and all("Associations" in " ".join(texts) for texts in lists)


def test_the_same_pages_in_vietnamese_show_the_source_text(client, users):
    """The finder does find a catalogue string on a page (a test that cannot fail is a defect): the Vietnamese
    page of the association list carries its source strings."""
    client.force_login(users["thuongtruc"])
    texts = _visible_text(client.get(reverse("associations:association_list")).content.decode())
    whole, _pieces = _wanted()
    assert any(text in whole for text in texts)
