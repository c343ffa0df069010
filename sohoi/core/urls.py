from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("nhat-ky/", views.audit_log, name="audit_list"),
    path("nhat-ky/<int:pk>/", views.audit_detail, name="audit_detail"),
    path("thong-bao/", views.notifications, name="notifications"),
    path("ngay-nghi/", views.holidays, name="holidays"),
    path("tra-cuu/", views.lookup, name="lookup"),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
]
