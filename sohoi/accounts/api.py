
import datetime

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import ConfigDict

from sohoi.core.permissions import require
from sohoi.core.scoping import CHANGE, can, get_scoped, restrict, scoped_view

from . import services
from .models import ApiToken, User

prefix = "/users/"
router = Router()


class UserOut(Schema):
    id: int
    username: str
    full_name: str
    unit_id: int | None
    position: str
    roles: list[str]

    @staticmethod
    def resolve_roles(obj: User) -> list[str]:
        return sorted(obj.role_codes)


@router.get("/me", response=UserOut, summary="Người dùng đang đăng nhập",
            description="The signed-in user (session or API token): name, unit and roles. Anonymous callers get "
                        "401.")
def me(request: HttpRequest):
    return request.auth


@router.get("", response=list[UserOut], summary="Người dùng trong phạm vi",
            description="Users in the caller's scope, by username, filtered by unit or role. Users outside the "
                        "scope are not listed.")
@paginate
def list_users(request: HttpRequest, unit_id: int | None = None, role: str | None = None):
    qs = restrict(User.objects.prefetch_related("role_links").order_by("username"), request.auth)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    if role:
        qs = qs.filter(pk__in=User.objects.filter(role_links__role=role).values("pk"))
    return qs


@router.get("/{int:user_id}", response=UserOut, summary="Một người dùng",
            description="One user with their roles. A user outside the caller's scope answers 404.")
@scoped_view(User)
def get_user(request: HttpRequest, user_id: int):
    return get_scoped(User.objects.prefetch_related("role_links"), request.auth, pk=user_id)


# Writes the pages offer (issue 17: API parity): users and roles (administrators), and the caller's own API
# tokens. Same services, same permission layer as /tai-khoan/.

class UserCreateIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"username": "nguyenvana",
         "full_name": "Nguyễn Văn A",
         "password": "mat-khau-thu-nghiem-10",
         "roles": ["association_staff"],
         "unit_id": 12,
         "email": "nguyenvana@example.org",
         "position": "Chuyên viên"},
    ]})

    username: str = Field(..., max_length=150)
    full_name: str = Field(..., max_length=150)
    password: str = Field(..., max_length=128, description="Initial password (at least 10 characters)")
    roles: list[str] = Field(..., max_length=20)
    unit_id: int | None = Field(None, ge=1, le=2_147_483_647)
    email: str = Field("", max_length=254)
    position: str = Field("", max_length=150)


class UserRolesIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"roles": ["home_affairs", "home_affairs_officer"]},
    ]})

    roles: list[str] = Field(..., max_length=20)


@router.post("", response={201: UserOut}, summary="Thêm người dùng (quản trị hệ thống)",
             description="Create a user acting for one unit with one or more roles (administrators).")
def create_user(request: HttpRequest, payload: UserCreateIn):
    from django.core.exceptions import ValidationError

    from sohoi.orgs.models import Unit

    require(request.auth, "accounts.create_user")
    unit = None
    if payload.unit_id is not None:
        unit = Unit.objects.valid_on().filter(pk=payload.unit_id).first()
        if unit is None:
            raise ValidationError({"unit_id": _("Lựa chọn không hợp lệ. Chọn một đơn vị trong danh sách.")})
    data = payload.dict()
    data.pop("unit_id")
    return Status(201, services.user_create(actor=request.auth, unit=unit, **data))


@router.put("/{int:user_id}/roles", response=UserOut, summary="Đặt vai trò của một người dùng",
            description="Replace a user's roles (administrators): the roles sent are the roles kept.")
@scoped_view(User)
def set_user_roles(request: HttpRequest, user_id: int, payload: UserRolesIn):
    user = get_scoped(User.objects.all(), request.auth, pk=user_id)
    if not can(request.auth, CHANGE, user):  # as the page: 404 outside scope, 403 for a reader
        raise PermissionDenied(_("Chỉ quản trị hệ thống được đặt vai trò của người dùng."))
    return services.user_set_roles(actor=request.auth, user=user, roles=payload.roles)


class ApiTokenOut(Schema):
    id: int
    name: str
    prefix: str
    user_id: int
    created_at: datetime.datetime
    last_used_at: datetime.datetime | None
    expires_at: datetime.datetime | None
    revoked_at: datetime.datetime | None


class ApiTokenCreatedOut(ApiTokenOut):
    token: str = Field(..., description="The secret itself, shown this once (only its hash is kept)")


class ApiTokenIn(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"name": "Hệ thống một cửa phường An Khánh"},
    ]})

    name: str = Field(..., max_length=100, description="What will use it, e.g. the name of the other system")


@router.get("/me/tokens", response=list[ApiTokenOut], summary="Mã truy cập API của tôi",
            description="The caller's API tokens (an administrator: everyone's), newest first; never the secret.")
@paginate
def list_tokens(request: HttpRequest):
    return services.api_tokens_managed_by(request.auth).order_by("-created_at", "-pk")


@router.post("/me/tokens", response={201: ApiTokenCreatedOut}, summary="Tạo mã truy cập API (hiện một lần)",
             description="Create an API token for the caller; the answer carries the secret once, copy it now.")
def create_token(request: HttpRequest, payload: ApiTokenIn):
    row, secret = services.api_token_create(actor=request.auth, user=request.auth, name=payload.name)
    row.token = secret
    return Status(201, row)


@router.post("/tokens/{int:token_id}/revoke", response=ApiTokenOut, summary="Thu hồi mã truy cập API",
             description="Revoke a token now (it stops working at once): the owner's own, or anyone's for an "
                         "administrator.")
@scoped_view(ApiToken)
def revoke_token(request: HttpRequest, token_id: int):
    token = services.api_tokens_managed_by(request.auth).filter(pk=token_id).first()
    if token is None:
        raise Http404
    return services.api_token_revoke(actor=request.auth, token=token)
