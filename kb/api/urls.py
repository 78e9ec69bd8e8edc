"""The API under ``/api/``: resources, the OpenAPI schema and its docs."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from kb.api import views

app_name = "api"

router = DefaultRouter()
router.register("articles", views.ArticleViewSet, basename="article")
router.register("sources", views.SourceViewSet, basename="source")
router.register("actors", views.ActorViewSet, basename="actor")
router.register("countries", views.CountryViewSet, basename="country")
router.register("claims", views.ClaimViewSet, basename="claim")
router.register("mentions", views.MentionViewSet, basename="mention")
router.register("stances", views.StanceViewSet, basename="stance")
router.register("roles", views.RoleViewSet, basename="role")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    *router.urls,
]
