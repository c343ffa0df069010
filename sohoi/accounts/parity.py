"""Which API operation does what each page that changes data does (issue 17: API parity); checked by
tests/test_api_parity.py. Keys are URL names, values "METHOD /api/v1/path" as the OpenAPI document spells it
(a tuple when one page offers several actions); EXEMPT names web-only actions with the reason."""

from __future__ import annotations

PARITY = {
    "accounts:api_tokens": ("POST /api/v1/users/me/tokens", "POST /api/v1/users/tokens/{token_id}/revoke"),
    "accounts:user_create": "POST /api/v1/users",
    "accounts:user_roles": "PUT /api/v1/users/{user_id}/roles",
}
EXEMPT = {
    "accounts:login": "signing in is the authentication itself; machines use a bearer token instead",
    "accounts:logout": "signing out ends a browser session; a machine revokes its token",
    "accounts:password_change": "the password is a person's credential, changed interactively with the old one; "
                                "a token (which may leak into another system) must not change it",
    "accounts:otp_setup": "the second factor is a person's device, set up interactively (QR code)",
    "accounts:otp_verify": "the second factor is typed by a person at sign-in",
    "accounts:otp_disable": "the second factor is a person's credential; a token must not switch it off",
}
