from sohoi.accounts.choices import Role
from sohoi.accounts.models import ApiToken, User, UserRole
from sohoi.accounts.services import api_token_create, user_create, user_set_roles
from sohoi.orgs.models import Unit


def _user(actor, username="nguoidung.thu"):
    return user_create(actor=actor, username=username, password="mot-mat-khau-dai-2026", full_name="Người Thử",
                       unit=Unit.objects.get(code="SNV"), roles=[Role.HOME_AFFAIRS])


def _role(actor):
    user = _user(actor, "nguoidung.thu2")
    user_set_roles(actor=actor, user=user, roles=[Role.HOME_AFFAIRS, Role.HOME_AFFAIRS_OFFICER])
    return UserRole.objects.get(user=user, role=Role.HOME_AFFAIRS_OFFICER)


WRITES = {
    User: _user,
    UserRole: _role,
    ApiToken: lambda actor: api_token_create(actor=actor, user=actor, name="Hệ thống thử")[0],
}
