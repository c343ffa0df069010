from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("sohoi.core.urls")),
    path("tai-khoan/", include("sohoi.accounts.urls")),
    path("don-vi/", include("sohoi.orgs.urls")),
    path("van-ban/", include("sohoi.directives.urls")),
    path("hoi/", include("sohoi.associations.urls")),
    path("to-chuc-dang/", include("sohoi.party.urls")),
    path("hoat-dong/", include("sohoi.activities.urls")),
    path("giam-sat/", include("sohoi.oversight.urls")),
    path("bao-cao/", include("sohoi.reports.urls")),
    path("api/v1/", include("sohoi.api.urls")),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
]

handler403 = "sohoi.core.views.error_403"
handler404 = "sohoi.core.views.error_404"
handler500 = "sohoi.core.views.error_500"
