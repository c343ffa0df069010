from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("bao-cao-dinh-ky/", views.report_new, name="report_new"),
    path("bao-cao-dinh-ky/<int:pk>/", views.report_job, name="report_job"),
    path("bao-cao-dinh-ky/<int:pk>/tai-ve/", views.report_download, name="report_download"),
    path("du-thao/van-ban/<int:pk>/", views.unit_draft, name="unit_draft"),
]
