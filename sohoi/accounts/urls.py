from django.contrib.auth import views as auth_views
from django.urls import path

from . import second_factor, tokens, views

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", views.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", views.PasswordChangeView.as_view(), name="password_change"),
    path("xac-thuc-hai-lop/", second_factor.otp_setup, name="otp_setup"),
    path("xac-thuc-hai-lop/nhap-ma/", second_factor.otp_verify, name="otp_verify"),
    path("xac-thuc-hai-lop/tat/", second_factor.otp_disable, name="otp_disable"),
    path("token/", tokens.api_tokens, name="api_tokens"),
    path("", views.UserListView.as_view(), name="user_list"),
    path("moi/", views.user_create, name="user_create"),
    path("<int:pk>/", views.UserDetailView.as_view(), name="user_detail"),
    path("<int:pk>/vai-tro/", views.user_roles, name="user_roles"),
]
