from django.urls import path

from .dissemination import views as dissemination
from .views import documents, review, rules, tracking

app_name = "directives"
urlpatterns = [
    path("", documents.document_list, name="document_list"),
    path("tai-len/", documents.document_upload, name="document_upload"),
    path("<int:pk>/", documents.document_detail, name="document_detail"),
    path("<int:pk>/sua/", documents.document_edit, name="document_edit"),
    path("<int:pk>/duyet/", review.document_review, name="document_review"),
    path("<int:pk>/theo-doi/", documents.document_board, name="document_board"),
    path("<int:pk>/tep/", documents.document_file, name="document_file"),
    path("nhiem-vu/<int:pk>/", tracking.task_detail, name="task_detail"),
    path("giao-viec/", tracking.assignment_list, name="assignment_list"),
    path("giao-viec/<int:pk>/", tracking.assignment_detail, name="assignment_detail"),
    path("bao-cao/<int:pk>/xem-xet/", tracking.report_review, name="report_review"),
    path("bao-cao/tep/<int:pk>/", tracking.attachment_file, name="attachment_file"),
    path("bao-cao/cho-xem-xet/", tracking.review_queue, name="review_queue"),
    path("viec-cua-don-vi/", tracking.my_work, name="my_work"),
    path("don-doc/", tracking.urge, name="urge"),
    path("thoi-han-mac-dinh/", rules.rule_list, name="rule_list"),
    path("thoi-han-mac-dinh/them/", rules.rule_add, name="rule_add"),
    path("thoi-han-mac-dinh/<int:pk>/", rules.rule_edit, name="rule_edit"),
    path("quan-triet/", dissemination.dissemination_list, name="dissemination_list"),
    path("quan-triet/<int:pk>/", dissemination.dissemination_detail, name="dissemination_detail"),
    path("quan-triet/<int:pk>/sua/", dissemination.dissemination_edit, name="dissemination_edit"),
    path("quan-triet/don-vi/<int:pk>/", dissemination.dissemination_unit, name="dissemination_unit"),
    path("<int:pk>/quan-triet/", dissemination.dissemination_coverage, name="dissemination_coverage"),
    path("<int:pk>/quan-triet/them/", dissemination.dissemination_add, name="dissemination_add"),
    path("<int:pk>/quan-triet/nhac/", dissemination.dissemination_urge, name="dissemination_urge"),
]
