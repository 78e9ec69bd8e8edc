"""The readers' URLs. Stable: other sites and the models link to these names."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from kb.site import feeds, views
from kb.site.sitemaps import SITEMAPS

app_name = "site"

urlpatterns = [
    path("", views.home, name="home"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/<slug:slug>/", views.article_detail, name="article"),
    path("articles/<slug:slug>/raw/", views.article_raw, name="article_raw"),
    path("actors/", views.actor_list, name="actor_list"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor"),
    path("countries/", views.country_list, name="country_list"),
    path("countries/<str:code>/", views.country_detail, name="country"),
    path("claims/", views.claim_list, name="claim_list"),
    path("claims/<int:pk>/", views.claim_detail, name="claim"),
    path("tags/<slug:slug>/", views.tag_detail, name="tag"),
    path("search/", views.search_page, name="search"),
    path("feeds/articles/", feeds.ArticleFeed(), name="feed_articles"),
    path("feeds/articles/atom/", feeds.AtomArticleFeed(), name="feed_articles_atom"),
    path("feeds/claims/", feeds.ClaimFeed(), name="feed_claims"),
    path("feeds/claims/atom/", feeds.AtomClaimFeed(), name="feed_claims_atom"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]
