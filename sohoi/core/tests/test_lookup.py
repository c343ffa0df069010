"""Search-as-you-type choices (issue 16 item 4): a bounded, scoped endpoint and a list that holds one row."""

import pytest

from sohoi.accounts.forms import UserCreateForm
from sohoi.core.lookup import LIMIT


@pytest.mark.django_db
def test_a_unit_is_found_by_words_of_its_name_and_shown_with_its_parent(login):
    rows = login("dandan").get("/tra-cuu/", {"nguon": "units", "q": "dan van thanh"}).json()["results"]
    labels = [r["label"] for r in rows]
    assert any(label.startswith("Ban Dân vận Thành ủy (") for label in labels), labels


@pytest.mark.django_db
def test_associations_are_found_through_the_full_text_index_among_units(login):
    rows = login("dandan").get("/tra-cuu/", {"nguon": "units", "q": "khuyen hoc"}).json()["results"]
    assert any("Khuyến học" in r["label"] for r in rows)


@pytest.mark.django_db
def test_the_answer_is_bounded_whatever_is_typed(login, django_assert_max_num_queries):
    client = login("dandan")
    with django_assert_max_num_queries(12):
        rows = client.get("/tra-cuu/", {"nguon": "units", "q": "a"}).json()["results"]
    assert 0 < len(rows) <= LIMIT


@pytest.mark.django_db
def test_an_officer_is_shown_with_the_associations_followed_now(login):
    rows = login("noivu").get("/tra-cuu/", {"nguon": "officers", "q": "huy"}).json()["results"]
    assert rows and "đang theo dõi" in rows[0]["label"] and "Vương Gia Huy" in rows[0]["label"]


@pytest.mark.django_db
def test_party_associations_follow_the_users_party_scope(login):
    own = login("hoi.khuyenhoc").get("/tra-cuu/", {"nguon": "party-associations", "q": "hoi"}).json()["results"]
    everyone = login("dandan").get("/tra-cuu/", {"nguon": "party-associations", "q": "hoi"}).json()["results"]
    assert own and all("Khuyến học" in r["label"] for r in own)  # its own subtree only
    assert any("Khuyến học" not in r["label"] for r in everyone)


@pytest.mark.django_db
def test_unknown_source_is_404_and_anonymous_is_sent_to_login(client, login):
    assert client.get("/tra-cuu/", {"nguon": "units", "q": "ban"}).status_code == 302
    assert login("dandan").get("/tra-cuu/", {"nguon": "nothing", "q": "x"}).status_code == 404


@pytest.mark.django_db
def test_the_list_holds_the_chosen_row_only_never_the_whole_tree(users):
    unit = users["dandan"].unit
    html = str(UserCreateForm(initial={"unit": unit.pk})["unit"])
    assert html.count("<option") == 2 and unit.name in html and 'data-lookup="/tra-cuu/?nguon=units"' in html
    assert str(UserCreateForm()["unit"]).count("<option") == 1
