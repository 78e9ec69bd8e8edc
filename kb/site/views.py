"""Placeholder views (replaced by the readers' site)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from kb.articles.models import Article


def article_list(request: HttpRequest) -> HttpResponse:
    items = "".join(
        f'<li><a href="{a.get_absolute_url()}">{a.display_title}</a></li>'
        for a in Article.objects.all()
    )
    return HttpResponse(f"<h1>Articles</h1><ul>{items}</ul>")


def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = get_object_or_404(Article, slug=slug)
    return HttpResponse(f"<h1>{article.display_title}</h1>")


def placeholder(request: HttpRequest, **kwargs: object) -> HttpResponse:
    return HttpResponse("")
