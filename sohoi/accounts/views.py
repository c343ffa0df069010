from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.utils.decorators import method_decorator

from sohoi.core import audit

from .forms import LoginForm


@method_decorator(login_not_required, name="dispatch")
class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = "/"

    def form_valid(self, form):
        response = super().form_valid(form)
        audit.record(actor=self.request.user, action="accounts.user.password_changed", target=self.request.user)
        return response


# --- user administration (administrators change; others read users of their own unit subtree) ---

from django.contrib import messages  # noqa: E402
from django.core.exceptions import PermissionDenied, ValidationError  # noqa: E402
from django.shortcuts import redirect, render  # noqa: E402
from django.utils.translation import gettext as _  # noqa: E402
from django.utils.translation import gettext_lazy  # noqa: E402

from sohoi.core.forms import apply_errors  # noqa: E402
from sohoi.core.permissions import require  # noqa: E402
from sohoi.core.scoping import CHANGE, can, get_scoped, scoped_view  # noqa: E402
from sohoi.core.views import ScopedDetailView, ScopedListView  # noqa: E402

from . import services  # noqa: E402
from .filters import UserFilter  # noqa: E402
from .forms import UserCreateForm, UserRolesForm  # noqa: E402
from .models import User  # noqa: E402


class UserListView(ScopedListView):
    model = User
    title = gettext_lazy("Người dùng")
    template_name = "accounts/user_list.html"
    filterset_class = UserFilter
    select_related = ("unit",)


class UserDetailView(ScopedDetailView):
    model = User
    template_name = "accounts/user_detail.html"
    fields = ["username", "full_name", "unit", "position", "email", "is_active", "last_login"]

    def get_context(self, obj):
        can_change = can(self.request.user, CHANGE, obj)
        return {"can_change": can_change,
                "roles_form": UserRolesForm(initial={"roles": sorted(obj.role_links.values_list("role", flat=True))}) if can_change else None}


def user_create(request):
    require(request.user, "accounts.create_user")
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.user_create(actor=request.user, username=data["username"], password=data["password"],
                                        full_name=data["full_name"], unit=data["unit"], roles=data["roles"],
                                        email=data["email"], position=data["position"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã tạo người dùng %(name)s.") % {"name": user})
            return redirect("accounts:user_detail", pk=user.pk)
    return render(request, "accounts/user_form.html", {"form": form})


@scoped_view(User)
def user_roles(request, pk):
    # 404 outside the reader's scope; 403 for a reader who may see but not change.
    user = get_scoped(User.objects.all(), request.user, pk=pk)
    if not can(request.user, CHANGE, user):
        raise PermissionDenied
    form = UserRolesForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            services.user_set_roles(actor=request.user, user=user, roles=form.cleaned_data["roles"])
            messages.success(request, _("Đã cập nhật vai trò."))
        else:
            messages.error(request, _("Chọn ít nhất một vai trò cho người dùng."))
    return redirect("accounts:user_detail", pk=user.pk)
