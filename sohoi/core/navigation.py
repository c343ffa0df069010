"""The main menu follows the letter's six areas; an area whose pages are not built yet is shown disabled."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    key: str

    def url(self) -> str | None:
        try:
            return reverse(self.url_name)
        except NoReverseMatch:
            return None


MAIN_MENU = [
    NavItem(_("Văn bản & nhiệm vụ"), "directives:document_list", "directives"),
    NavItem(_("Hội"), "associations:association_list", "associations"),
    NavItem(_("Tổ chức Đảng"), "party:organisation_list", "party"),
    NavItem(_("Quán triệt"), "directives:dissemination_list", "dissemination"),
    NavItem(_("Hoạt động hội"), "activities:index", "activities"),
    NavItem(_("Giám sát & kiểm tra"), "oversight:activity_list", "oversight"),
    NavItem(_("Báo cáo"), "reports:dashboard", "reports"),
]
