"""The REST API under /api/v1/: one NinjaAPI, one error shape, routers contributed by each app's api.py."""
