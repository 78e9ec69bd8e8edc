"""The claims desk: claims, links, stances, roles, and what they add to the lower apps' pages.

``kb.claims`` sits above ``kb.entities`` and ``kb.articles``, so it adds to
their admins by subclassing and re-registering them (``pages``): the roles
inline on actors; the claims inline, the claim spans and fact-aware deletion
on articles. The editors' workflows (merge, undo, re-link, mention decisions,
split, claim status, figure conflicts) are added on top of these admins by
``kb.curation.admin``, which subclasses and re-registers them in turn.
"""

from kb.claims.admin.claims import ClaimAdmin, ClaimLinkAdmin
from kb.claims.admin.facts import RoleAdmin, StanceAdmin
from kb.claims.admin.pages import ActorWithRolesAdmin, ArticleWithClaimsAdmin, DeskTagAdmin

__all__ = [
    "ActorWithRolesAdmin",
    "ArticleWithClaimsAdmin",
    "ClaimAdmin",
    "ClaimLinkAdmin",
    "DeskTagAdmin",
    "RoleAdmin",
    "StanceAdmin",
]
