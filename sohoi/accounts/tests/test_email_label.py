"""One word for e-mail on every page (issue 16): "Thư điện tử", never Django's "Địa chỉ email" of User.email."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from sohoi.associations.models import Association
from sohoi.orgs.models import Unit

pytestmark = pytest.mark.django_db


def _pages(users) -> list[str]:
    association = Association.objects.get(name="Hội Khuyến học quận Ninh Kiều")
    unit = Unit.objects.exclude(email="").first() or Unit.objects.first()
    return ["/tai-khoan/moi/", f"/tai-khoan/{users['dandan'].pk}/", f"/hoi/{association.pk}/sua/",
            f"/don-vi/{unit.pk}/"]


def test_every_email_label_says_thu_dien_tu(login, users):
    client = login("quantri")
    for url in _pages(users):
        page = client.get(url)
        assert page.status_code == 200, url
        body = page.content.decode()
        assert re.search(r"[Tt]hư điện tử", body), url
        assert not re.search(r"địa chỉ e-?mail", body, re.IGNORECASE), url


def test_the_english_pages_say_email_only(login, users):
    client = login("quantri")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    for url in _pages(users):
        body = client.get(url).content.decode()
        assert re.search(r"[Ee]mail", body) and "email address" not in body.lower(), url
