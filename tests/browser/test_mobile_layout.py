"""On a phone (390 x 844) nothing is cut off at the right edge.

Every page of tests/browser/test_accessibility.py, after importing the seeds,
must fit the viewport: no page-level horizontal scrolling, and no serious or
critical axe-core violation in the narrow layout either. Wide tables such as
an actor's stances reflow, or else scroll inside their own box. A screenshot
of the actor page goes to tests/browser/artifacts/ for a person to look at.
"""

from __future__ import annotations

import pytest

from tests.browser.test_accessibility import OPEN_DETAILS, seed_pages, serious_violations
from tests.conftest import ARTIFACTS

PHONE = {"width": 390, "height": 844}

OVERFLOW = """() => {
  const width = window.innerWidth;
  const wide = [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > width + 0.5
                  && !el.closest('.visually-hidden, .skip'))
    .slice(0, 8)
    .map(el => el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
               ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
               + ' right=' + Math.round(el.getBoundingClientRect().right));
  return {scroll: document.documentElement.scrollWidth, inner: width, wide};
}"""

# The table's box either fits the viewport and shows all of the table, or an
# ancestor that fits the viewport scrolls it sideways.
TABLE_FITS = """(table) => {
  const width = window.innerWidth;
  const box = table.getBoundingClientRect();
  if (box.left >= 0 && box.right <= width && table.scrollWidth <= table.clientWidth + 1)
    return 'visible';
  for (let el = table; el && el !== document.body; el = el.parentElement) {
    const style = getComputedStyle(el), r = el.getBoundingClientRect();
    if (['auto', 'scroll'].includes(style.overflowX) && r.left >= 0 && r.right <= width)
      return 'scrollable';
  }
  return `cut off: table ${Math.round(box.left)}..${Math.round(box.right)}, viewport ${width}`;
}"""


@pytest.fixture
def phone(browser, live_server):
    # Not is_mobile: a mobile Chromium zooms out to fit a page that is too
    # wide, which would hide the very overflow this test looks for.
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_no_page_scrolls_sideways_on_a_phone(phone, imported_seeds):
    urls = seed_pages()
    overflowing, violations = {}, {}
    for url in urls:
        assert phone.goto(url).status == 200, url
        phone.evaluate(OPEN_DETAILS)  # the timeline's table too
        found = phone.evaluate(OVERFLOW)
        if found["scroll"] > found["inner"]:
            overflowing[url] = found
        # The narrow layout is a different page to axe (reflowed tables).
        if serious := serious_violations(phone):
            violations[url] = serious
    assert not overflowing, overflowing
    assert not violations, violations

    actor = urls[4]
    phone.goto(actor)
    stances = phone.locator("table.stances")
    assert stances.count() == 1 and stances.locator("tbody tr").count() >= 1
    assert stances.evaluate(TABLE_FITS) in {"visible", "scrollable"}
    ARTIFACTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "site-actor-phone.png"), full_page=True)
