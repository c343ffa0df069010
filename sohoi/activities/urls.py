from django.urls import path

from . import views

app_name = "activities"
urlpatterns = [
    path("", views.index, name="index"),
    path("hoi/<int:pk>/", views.association, name="association"),
    path("hoi/<int:pk>/nhiem-vu/them/", views.state_task_add, name="state_task_add"),
    path("hoi/<int:pk>/kinh-phi/them/", views.support_add, name="support_add"),
    path("hoi/<int:pk>/tai-chinh/them/", views.finance_add, name="finance_add"),
    path("hoi/<int:pk>/bao-cao-nam/nop/", views.report_file, name="report_file"),
    path("hoi/<int:pk>/mo-hinh/them/", views.good_model_add, name="good_model_add"),
    path("hoi/<int:pk>/doi-ngoai/them/", views.exchange_add, name="exchange_add"),
    path("hoi/<int:pk>/du-an/them/", views.project_add, name="project_add"),
    path("hoi/<int:pk>/vu-viec/them/", views.case_add, name="case_add"),
    path("nhiem-vu/", views.state_task_list, name="state_task_list"),
    path("kinh-phi/", views.support_list, name="support_list"),
    path("tai-chinh/", views.finance_list, name="finance_list"),
    path("bao-cao-nam/", views.report_list, name="report_list"),
    path("bao-cao-nam/tinh-hinh/", views.filing, name="filing"),
    path("bao-cao-nam/<int:pk>/", views.report_detail, name="report_detail"),
    path("so-ket/", views.review_list, name="review_list"),
    path("so-ket/them/", views.review_add, name="review_add"),
    path("mo-hinh/", views.good_model_list, name="good_model_list"),
    path("mo-hinh/<int:pk>/", views.good_model_detail, name="good_model_detail"),
    path("mo-hinh/<int:pk>/nhan-rong/", views.replication_add, name="replication_add"),
    path("doi-ngoai/", views.exchange_list, name="exchange_list"),
    path("doi-ngoai/<int:pk>/bao-cao/", views.exchange_report, name="exchange_report"),
    path("du-an/", views.project_list, name="project_list"),
    path("vu-viec/", views.case_list, name="case_list"),
    path("da-dang/", views.diversity, name="diversity"),
]
