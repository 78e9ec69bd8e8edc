"""The readers' URLs. Stable: other sites and the models link to these names."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from kb.site import feeds, views
from kb.site.cache import cached_page
from kb.site.sitemaps import SITEMAPS

app_name = "site"

urlpatterns = [
    path("", cached_page(views.home), name="home"),
    path("articles/", cached_page(views.article_list), name="article_list"),
    path("articles/<slug:slug>/", cached_page(views.article_detail), name="article"),
    path("articles/<slug:slug>/raw/", cached_page(views.article_raw), name="article_raw"),
    path("actors/", cached_page(views.actor_list), name="actor_list"),
    path("actors/<slug:slug>/", cached_page(views.actor_detail), name="actor"),
    path("countries/", cached_page(views.country_list), name="country_list"),
    path("countries/<str:code>/", cached_page(views.country_detail), name="country"),
    path("claims/", cached_page(views.claim_list), name="claim_list"),
    path("claims/<int:pk>/", cached_page(views.claim_detail), name="claim"),
    path("tags/<slug:slug>/", cached_page(views.tag_detail), name="tag"),
    path("search/", cached_page(views.search_page), name="search"),
    path("feeds/articles/", cached_page(feeds.ArticleFeed()), name="feed_articles"),
    path("feeds/articles/atom/", cached_page(feeds.AtomArticleFeed()), name="feed_articles_atom"),
    path("feeds/claims/", cached_page(feeds.ClaimFeed()), name="feed_claims"),
    path("feeds/claims/atom/", cached_page(feeds.AtomClaimFeed()), name="feed_claims_atom"),
    path("sitemap.xml", cached_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
]
