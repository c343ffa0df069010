"""Counts of days read as English in English (issue 16): "5,113 days", "1 day"; the source msgid "%(d)s ngày"
was missing from the catalogue (the page showed "ngày" in English) and its former entry said "rows"."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def _in_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


def test_late_days_on_the_board_and_the_urge_page_read_in_english(login, letter):
    board = _in_english(login("thuongtruc")).get(f"/van-ban/{letter.pk}/theo-doi/").content.decode()
    cells = [c.strip() for c in re.findall(r'<td class="days">([^<]+)</td>', board)]
    assert cells and all(re.fullmatch(r"[\d,]+ days?", c) for c in cells), cells
    urge = _in_english(login("dandan")).get("/van-ban/don-doc/").content.decode()
    assert re.search(r"<td>[\d,]+ days \(", urge) and " ngày (" not in urge


def test_one_day_is_singular_and_the_rule_list_default_too():
    with translation.override("en"):
        assert translation.ngettext("%(d)s ngày", "%(d)s ngày", 1) % {"d": 1} == "1 day"
        assert translation.ngettext("%(d)s ngày", "%(d)s ngày", 2) % {"d": 2} == "2 days"
        text = "Chưa có dòng nào: hạn mặc định là %(n)s ngày."
        assert translation.ngettext(text, text, 30) % {"n": 30} == "No rows yet: the default deadline is 30 days."
