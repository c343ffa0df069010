from django.urls import path

from . import views

app_name = "party"
urlpatterns = [
    path("", views.organisation_list, name="organisation_list"),
    path("them/", views.organisation_add, name="organisation_add"),
    path("<int:pk>/", views.organisation_detail, name="organisation_detail"),
    path("<int:pk>/sua/", views.organisation_edit, name="organisation_edit"),
    path("<int:pk>/ket-thuc/", views.organisation_end, name="organisation_end"),
    path("<int:pk>/xep-loai/", views.rating_add, name="rating_add"),
    path("hoi/<int:pk>/so-dang-vien/", views.member_count, name="member_count"),
    path("du-dieu-kien/", views.eligibility, name="eligibility"),
    path("xep-loai/", views.rating_summary, name="rating_summary"),
    path("nong-cot/", views.core, name="core"),
    path("quy-dinh/", views.rules, name="rules"),
    path("quy-dinh/them/", views.rule_add, name="rule_add"),
    path("quy-dinh/<int:pk>/", views.rule_edit, name="rule_edit"),
]
