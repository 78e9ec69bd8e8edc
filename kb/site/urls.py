from django.urls import path

from kb.site import views

app_name = "site"

urlpatterns = [
    path("", views.article_list, name="home"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/<slug:slug>/", views.article_detail, name="article"),
    path("actors/<slug:slug>/", views.placeholder, name="actor"),
    path("countries/<str:code>/", views.placeholder, name="country"),
    path("claims/<int:pk>/", views.placeholder, name="claim"),
    path("tags/<slug:slug>/", views.placeholder, name="tag"),
]
