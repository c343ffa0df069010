from django.urls import path

from sohoi.core.scoping import scoped_view

from .models import Association, ImportJob, Leader, LegalRule, MonitoringLog
from .views import founding, imports, monitoring, people, public, registry

# The model each URL id refers to, for the access-matrix test.
A, L, M, R = scoped_view(Association), scoped_view(Leader), scoped_view(MonitoringLog), scoped_view(LegalRule)

app_name = "associations"
urlpatterns = [
    path("", registry.association_list, name="association_list"),
    path("them/", registry.association_create, name="association_create"),
    path("<int:pk>/", A(registry.association_detail), name="association_detail"),
    path("<int:pk>/sua/", A(registry.association_edit), name="association_edit"),
    path("<int:pk>/su-kien/", A(registry.association_transition), name="association_transition"),
    path("<int:pk>/quyet-dinh-nha-nuoc/", A(registry.association_state_decision), name="association_state_decision"),
    path("<int:pk>/ho-so-thanh-lap/", A(founding.dossier), name="dossier"),
    path("<int:pk>/lanh-dao/them/", A(people.leader_add), name="leader_add"),
    path("lanh-dao/<int:pk>/", L(people.leader_action), name="leader_action"),
    path("<int:pk>/dai-hoi/them/", A(people.congress_add), name="congress_add"),
    path("<int:pk>/dieu-le/them/", A(people.charter_add), name="charter_add"),
    path("<int:pk>/hoi-vien/", A(people.member_list), name="member_list"),
    path("<int:pk>/hoi-vien/nhap/", A(people.member_import), name="member_import"),
    path("hoi-vien/mau.xlsx", people.member_template, name="member_template"),
    path("<int:pk>/phan-cong/", A(monitoring.officer_assign), name="officer_assign"),
    path("<int:pk>/nhat-ky/them/", A(monitoring.log_add), name="log_add"),
    path("nhat-ky/<int:pk>/xong/", M(monitoring.log_close), name="log_close"),
    path("phan-cong/", monitoring.coverage, name="coverage"),
    path("canh-bao/", registry.alert_list, name="alerts"),
    path("quy-dinh/", founding.legal_rules, name="legal_rules"),
    path("quy-dinh/them/", founding.legal_rule_edit, name="legal_rule_add"),
    path("quy-dinh/<int:pk>/", R(founding.legal_rule_edit), name="legal_rule_edit"),
    path("danh-ba/", public.public_register, name="public_register"),
    path("nhap-danh-ba/", imports.register_import, name="register_import"),
    path("nhap-danh-ba/mau.xlsx", imports.register_template_download, name="register_template"),
    path("nhap-danh-ba/<int:pk>/", scoped_view(ImportJob)(imports.register_import_job), name="register_import_job"),
    path("nhap-danh-ba/<int:pk>/chay-lai/", scoped_view(ImportJob)(imports.register_import_retry),
         name="register_import_retry"),
]
