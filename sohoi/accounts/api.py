
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import paginate

from sohoi.core.scoping import get_scoped, restrict, scoped_view

from .models import User

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


@router.get("/me", response=UserOut, summary="Người dùng đang đăng nhập")
def me(request: HttpRequest):
    return request.auth


@router.get("", response=list[UserOut], summary="Người dùng trong phạm vi")
@paginate
def list_users(request: HttpRequest, unit_id: int | None = None, role: str | None = None):
    qs = restrict(User.objects.prefetch_related("role_links").order_by("username"), request.auth)
    if unit_id:
        qs = qs.filter(unit_id=unit_id)
    if role:
        qs = qs.filter(pk__in=User.objects.filter(role_links__role=role).values("pk"))
    return qs


@router.get("/{int:user_id}", response=UserOut, summary="Một người dùng")
@scoped_view(User)
def get_user(request: HttpRequest, user_id: int):
    return get_scoped(User.objects.prefetch_related("role_links"), request.auth, pk=user_id)
