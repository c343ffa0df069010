from django.urls import path

from . import views

app_name = "orgs"
urlpatterns = [
    path("", views.UnitListView.as_view(), name="unit_list"),
    path("<int:pk>/", views.UnitDetailView.as_view(), name="unit_detail"),
    path("nhom/", views.group_list, name="group_list"),
    path("hanh-chinh/", views.AdminUnitListView.as_view(), name="adminunit_list"),
]
