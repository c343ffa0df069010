from django.urls import path

from . import views

app_name = "oversight"
urlpatterns = [
    path("", views.activity_list, name="activity_list"),
    path("them/", views.activity_add, name="activity_add"),
    path("<int:pk>/", views.activity_detail, name="activity_detail"),
    path("<int:pk>/sua/", views.activity_edit, name="activity_edit"),
    path("<int:pk>/chuyen-trang-thai/", views.activity_step, name="activity_step"),
    path("<int:pk>/doan/", views.team_add, name="team_add"),
    path("<int:pk>/tep/", views.attachment_add, name="attachment_add"),
    path("<int:pk>/ket-luan/", views.conclusion, name="conclusion"),
    path("<int:pk>/phat-hien/", views.finding_add, name="finding_add"),
    path("<int:pk>/kien-nghi/", views.recommendation_add, name="recommendation_add"),
    path("<int:pk>/y-kien/", views.point_add, name="point_add"),
    path("<int:pk>/du-thao/", views.draft_upload, name="draft_upload"),
    path("<int:pk>/gop-y/", views.comment_add, name="comment_add"),
    path("<int:pk>/doi-chieu/", views.inspected_unit, name="inspected_unit"),
    path("tep/<int:pk>/", views.attachment_file, name="attachment_file"),
    path("<int:pk>/tep-ket-luan/", views.conclusion_file, name="conclusion_file"),
    path("<int:pk>/tep-du-thao/", views.draft_file, name="draft_file"),
    path("kien-nghi/<int:pk>/minh-chung/", views.evidence_file, name="evidence_file"),
    path("thoi-han/", views.rule_list, name="rule_list"),
    path("thoi-han/them/", views.rule_add, name="rule_add"),
    path("thoi-han/<int:pk>/", views.rule_edit, name="rule_edit"),
    path("kien-nghi/", views.recommendation_list, name="recommendation_list"),
    path("kien-nghi/<int:pk>/tra-loi/", views.recommendation_answer, name="recommendation_answer"),
    path("kien-nghi/<int:pk>/ket-qua/", views.recommendation_report, name="recommendation_report"),
    path("don-vi/<int:pk>/", views.unit_recommendations, name="unit_recommendations"),
    path("y-kien/<int:pk>/", views.point_mark, name="point_mark"),
    path("phat-hien/<int:pk>/giao-viec/", views.finding_task, name="finding_task"),
    path("phoi-hop/", views.programme_list, name="programme_list"),
    path("phoi-hop/them/", views.programme_add, name="programme_add"),
    path("phoi-hop/<int:pk>/", views.programme_detail, name="programme_detail"),
    path("phoi-hop/<int:pk>/ket-qua/", views.programme_result, name="programme_result"),
]
