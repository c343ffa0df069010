from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("bao-cao-dinh-ky/", views.report_new, name="report_new"),
    path("bao-cao-dinh-ky/<int:pk>/", views.report_job, name="report_job"),
    path("bao-cao-dinh-ky/<int:pk>/tai-ve/", views.report_download, name="report_download"),
    path("du-thao/van-ban/<int:pk>/", views.unit_draft, name="unit_draft"),
    path("ke-hoach/van-ban/<int:pk>/", views.plan_draft, name="plan_draft"),
    # One URL per book (never a second id in a URL: tests/test_access_matrix.py).
    path("so-van-ban-den/", views.book, {"book": "incoming"}, name="book_incoming"),
    path("so-van-ban-di/", views.book, {"book": "outgoing"}, name="book_outgoing"),
    path("so-van-ban-den/van-ban/<int:pk>/", views.book_register, {"book": "incoming"}, name="book_register_incoming"),
    path("so-van-ban-di/van-ban/<int:pk>/", views.book_register, {"book": "outgoing"}, name="book_register_outgoing"),
]
