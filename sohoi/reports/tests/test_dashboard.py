"""The dashboard and the Standing Committee's home: the six points, charts drawn as SVG under the CSP, every
number a link to its list, a bounded number of queries, and the Excel export of what is shown."""

import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sohoi.core.charts import hbars, line, num


def test_svg_numbers_never_take_a_decimal_comma(settings):
    from django.utils import translation

    with translation.override("vi"):
        assert num(55.5) == "55.5" and num(3) == "3" and num(-0.0) == "0"
        chart = hbars([{"label": "A", "value": 3}, {"label": "B", "value": 7}])
        assert all("," not in b["w"] for b in chart["bars"])
        assert "," not in line([("2024", 1), ("2025", 3), ("2026", 2)])["polyline"].replace(",", "", 3)


@pytest.mark.django_db
def test_the_party_rating_chart_writes_coordinates_with_a_dot(login):
    html = login("dandan").get(reverse("party:rating_summary")).content.decode()
    coords = re.findall(r'<text x="([^"]+)"', html)
    assert coords and all("," not in c for c in coords)


@pytest.mark.django_db
def test_dashboard_shows_the_six_points_with_charts_and_links(login):
    response = login("dandan").get(reverse("reports:dashboard"), {"period": "2026"})
    assert response.status_code == 200
    html = response.content.decode()
    for point in range(1, 7):
        assert f'id="diem-{point}"' in html
    assert "<svg" in html and not re.findall(r"<script(?![^>]*\bsrc=)", html) and " style=" not in html
    assert 'data-indicator="associations.by_status"' in html
    assert reverse("associations:association_list") in html
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


@pytest.mark.django_db
def test_dashboard_refuses_a_bad_period_with_a_message(login):
    response = login("dandan").get(reverse("reports:dashboard"), {"period": "2026-Q5"})
    assert response.status_code == 200
    assert "2026-Q3" in response.content.decode()  # the message names the format


@pytest.mark.django_db
def test_dashboard_queries_are_bounded(login, users):
    client = login("dandan")
    client.get(reverse("reports:dashboard"))
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("reports:dashboard"), {"period": "2026"}).status_code == 200
    # A few queries per declared indicator (its figure, the previous period's, a rule row) and the page's own:
    # the count follows the registry, never the rows (77 with 28 indicators; tests/test_two_scale.py checks that
    # it does not grow with the data).
    from sohoi.reports.registry import indicators

    assert len(ctx.captured_queries) <= 20 + 3 * len(indicators()), len(ctx.captured_queries)


@pytest.mark.django_db
def test_dashboard_exports_what_it_shows(login):
    from openpyxl import load_workbook

    response = login("quanuy.ninhkieu").get(reverse("reports:dashboard"), {"period": "2026", "export": "xlsx"})
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(response.content))
    assert "Điểm 2" in wb.sheetnames and "Điểm 6" in wb.sheetnames
    labels = [row[0] for row in wb["Điểm 2"].iter_rows(values_only=True)]
    assert "Hội theo tình trạng" in labels


@pytest.mark.django_db
def test_the_standing_committee_home_opens_with_the_six_points(login):
    html = login("thuongtruc").get("/").content.decode()
    first = html.index("Điểm 1.")
    assert all(f"Điểm {n}." in html for n in range(1, 7))
    assert first < html.index("Nhiệm vụ quá hạn")  # its points before the generic cards
    assert "data-figure" in html and "<svg" in html
    assert "Nhiệm vụ của đơn vị đang mở" not in html  # "0 open tasks of your unit" is no obligation


@pytest.mark.django_db
def test_other_roles_see_their_own_obligations_first(login):
    html = login("hoi.khuyenhoc").get("/").content.decode()
    assert "Điểm 1." not in html
    assert html.index("Nhiệm vụ của đơn vị đang mở") < html.index("Nhiệm vụ quá hạn")


@pytest.mark.django_db
def test_the_api_gives_the_same_figures_as_the_dashboard(login, users):
    from sohoi.reports.registry import Filters, Period
    from sohoi.reports.selectors import sections

    client = login("quanuy.ninhkieu")
    body = client.get("/api/v1/reports/indicators", {"period": "2026", "point": 2}).json()
    assert body["period"] == "2026" and body["previous_period"] == "2025"
    mine = {i["key"]: i["value"] for s in sections(Filters(users["quanuy.ninhkieu"], Period.parse("2026")))
            for i in s["items"] if s["point"] == 2}
    assert {i["key"]: i["value"] for i in body["indicators"]} == mine
    bad = client.get("/api/v1/reports/indicators", {"period": "2026-Q7"})
    assert bad.status_code == 400 and "period" in bad.json()["fields"] and "2026-Q3" in bad.json()["message"]


@pytest.mark.django_db
def test_the_tracking_board_exports_what_it_shows(login, users):
    from openpyxl import load_workbook

    from sohoi.directives.models import Document
    from sohoi.directives.selectors import document_board

    client = login("thuongtruc")
    doc = Document.objects.get(code="752-CV/TU")
    response = client.get(reverse("directives:document_board", args=[doc.pk]), {"export": "xlsx"})
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(response.content))
    board = document_board(document=doc, user=users["thuongtruc"])
    rows = list(wb["Từng nhiệm vụ"].iter_rows(values_only=True))
    assert rows[-1][0] == "Cả văn bản" and rows[-1][-1] == board["total"]["total"]
    assert len(rows) == 3 + len(board["tasks"]) + 1
    assert len(list(wb["Từng đơn vị"].iter_rows())) == 3 + len(board["units"]) + 1


def test_the_print_stylesheet_drops_the_menu_and_repeats_table_headers():
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "core/static/core/sohoi.css").read_text()
    printed = css[css.index("@media print"):]
    assert ".topbar" in printed and "display: none" in printed
    assert "thead { display: table-header-group; }" in printed and "overflow: visible" in printed
    assert "size: A4" in css and "counter(page)" in css
