"""Readers see what editors vouch for, and what the importer is sure enough of.

- An unreviewed mention link below KB_PUBLIC_CONFIDENCE is plain text on the
  article page and does not list the article on the actor's page.
- An unreviewed quote whose speaker is below it is shown without its speaker,
  and is not on the speaker's page as said by them; one at or above it names
  the speaker, marked machine-read; a confirmed one names them plainly.
- An unreviewed figure below it is not public; a reviewed one is.
The pages keep their query budgets however many such rows they show.
"""

from __future__ import annotations

import pytest
from test_query_counts import BUDGETS

from kb.articles.models import Mention
from kb.claims.models import Claim

pytestmark = pytest.mark.django_db


def _quote(world, confidence: float, **kw) -> Claim:
    start = world.article.body.index("Juan Guaidó said")
    return Claim.objects.create(
        article=world.article,
        start=start,
        end=start + len("Juan Guaidó said"),
        kind=Claim.Kind.QUOTE,
        text="Quotetext needs free elections",
        speaker=world.guaido,
        confidence=confidence,
        **kw,
    )


def _maduros_link(world) -> Mention:
    return Mention.objects.get(article=world.article, surface="Nicolás Maduro")


def test_an_unsure_link_is_plain_text_and_lists_no_article(client, world) -> None:
    link = _maduros_link(world)
    url = world.maduro.get_absolute_url()
    page = client.get(world.article.get_absolute_url())
    assert f'class="mention" href="{url}"' in page.content.decode()
    assert world.article in [a["article"] for a in client.get(url).context["articles"]]

    Mention.objects.filter(pk=link.pk).update(confidence=0.3)
    page = client.get(world.article.get_absolute_url())
    html = page.content.decode()
    assert f'class="mention" href="{url}"' not in html
    assert "Nicolás Maduro rejected the demand" in html  # the words stay, unlinked
    assert world.maduro not in page.context["actors"]
    assert world.article not in [a["article"] for a in client.get(url).context["articles"]]

    # An editor's confirmation links it whatever the number.
    Mention.objects.filter(pk=link.pk).update(status=Mention.Status.CONFIRMED)
    html = client.get(world.article.get_absolute_url()).content.decode()
    assert f'class="mention" href="{url}"' in html
    assert world.article in [a["article"] for a in client.get(url).context["articles"]]


def test_an_unsure_quote_is_shown_without_its_speaker(client, world) -> None:
    unsure = _quote(world, 0.3)
    page = client.get(unsure.get_absolute_url())
    html = page.content.decode()
    assert page.status_code == 200
    assert "<h1>Quote</h1>" in html
    assert "Not attributed yet" in html
    assert f'href="{world.guaido.get_absolute_url()}"' not in html.split("<dl", 1)[1]
    assert 'class="machine-read"' not in html
    actor_page = client.get(world.guaido.get_absolute_url())
    assert unsure not in actor_page.context["claims_made"]
    listed = client.get("/claims/", {"kind": "quote"}).content.decode()
    row = listed.split("Quotetext", 1)[1].split("</tr>", 1)[0]
    assert "Juan Guaidó" not in row and "—" in row
    by_him = client.get("/claims/", {"speaker": world.guaido.slug}).context["page"]
    assert unsure not in list(by_him)
    article_html = client.get(world.article.get_absolute_url()).content.decode()
    item = article_html.rsplit("Quotetext", 1)[1].split("</li>", 1)[0]
    assert "Juan Guaidó" not in item


def test_a_sure_quote_names_its_speaker_marked_machine_read(client, world) -> None:
    sure = _quote(world, 0.6)  # at the threshold
    html = client.get(sure.get_absolute_url()).content.decode()
    assert "<h1>Quote by Juan Guaidó</h1>" in html
    assert html.count('class="machine-read"') == 1
    assert sure in client.get(world.guaido.get_absolute_url()).context["claims_made"]
    listed = client.get("/claims/", {"kind": "quote"}).content.decode()
    row = listed.split("Quotetext", 1)[1].split("</tr>", 1)[0]
    assert "Juan Guaidó" in row and "machine-read" in row


def test_a_confirmed_unsure_quote_names_its_speaker_plainly(client, world) -> None:
    confirmed = _quote(world, 0.1, status=Claim.Status.REVIEWED)
    html = client.get(confirmed.get_absolute_url()).content.decode()
    assert "<h1>Quote by Juan Guaidó</h1>" in html
    assert 'class="machine-read"' not in html
    assert confirmed in client.get(world.guaido.get_absolute_url()).context["claims_made"]


def test_an_unsure_figure_is_not_public_until_reviewed(client, world) -> None:
    start = world.article.body.index("free elections")
    figure = Claim.objects.create(
        article=world.article,
        start=start,
        end=start + 4,
        kind=Claim.Kind.FIGURE,
        text="Figuretext free",
        confidence=0.3,
    )
    assert client.get(figure.get_absolute_url()).status_code == 404
    assert "Figuretext" not in client.get("/claims/").content.decode()
    Claim.objects.filter(pk=figure.pk).update(status=Claim.Status.REVIEWED)
    assert client.get(figure.get_absolute_url()).status_code == 200
    assert "Figuretext" in client.get("/claims/").content.decode()


PAGES = ["home", "article", "actor", "claim_list", "claim", "tag", "search", "feed_claims"]


@pytest.mark.parametrize("rows", [1, 50])
@pytest.mark.parametrize("name", PAGES)
def test_unsure_rows_cost_no_queries(client, world, django_assert_max_num_queries, name, rows):
    """The query budgets of test_query_counts hold with unsure links and quotes on the
    pages, both below the threshold and at it (speakers hidden, marked, plain)."""
    world.grow(rows)
    grown = Mention.objects.filter(actor=world.guaido, article__title__startswith="Report")
    Mention.objects.filter(pk__in=grown.values("pk")[: rows // 2 + 1]).update(confidence=0.3)
    for n, claim in enumerate(Claim.objects.filter(article__title__startswith="Report")):
        Claim.objects.create(
            article=claim.article,
            start=claim.start,
            end=claim.end,
            kind=Claim.Kind.QUOTE,
            text=claim.text,
            speaker=world.guaido,
            confidence=(0.3, 0.8)[n % 2],
            status=Claim.Status.VERIFIED,  # on the home page's list too
        )
        claim.tags.add("venezuela")
    Claim.objects.filter(pk=world.quote.pk).update(status=Claim.Status.EXTRACTED, confidence=0.3)
    path, budget = BUDGETS[name]
    url = path.format(article=world.article.slug, actor=world.guaido.slug, claim=world.quote.pk)
    with django_assert_max_num_queries(budget + 1):  # +1: the data version (kb.site.cache)
        response = client.get(url)
    assert response.status_code == 200
