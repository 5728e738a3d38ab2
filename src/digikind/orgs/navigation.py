"""The organisation's service navigation: which sections each role sees, in a few groups.

Ten sections do not fit on one line, so related ones share a group: the top line shows the
group, and the group's own pages are listed on a second line while you are in it. A group
with one section a person can see shows that section under its own name.

Who sees a section is decided by its page's own view (the roles given to `org_view`), so the
navigation never offers a page that would answer "you cannot do this".
"""

from dataclasses import dataclass

from django.urls import reverse

from digikind.orgs.models import Membership
from digikind.orgs.tenancy import can_open

# (group, [(label, URL name)])
Section = tuple[str, str]
GROUPS: list[tuple[str, list[Section]]] = [
    ("Home", [("Home", "orgs:dashboard")]),
    ("Records", [("Records", "records:home")]),
    (
        "Check",
        [
            ("Reviews", "reviews:list"),
            ("Policy check", "policies:list"),
            ("Channels", "register:list"),
        ],
    ),
    (
        "Plan",
        [
            ("Gaps", "gaps:report"),
            ("Actions", "gaps:actions"),
            ("Board report", "reports:board"),
            ("Agreement", "agreements:detail"),
            ("Funders", "funders:requests"),
        ],
    ),
    (
        "People",
        [
            ("People", "orgs:member_list"),
            ("API tokens", "api:tokens"),
            ("Export", "exchange:export"),
        ],
    ),
]
# A funder's own menu: its portfolio, not a youth organisation's records and checks.
FUNDER_GROUPS: list[tuple[str, list[Section]]] = [
    ("Portfolio", [("Portfolio", "funders:portfolio")]),
    ("People", [("People", "orgs:member_list")]),
]


@dataclass
class NavItem:
    label: str
    url: str
    active: bool  # the person is somewhere in this section or group
    here: bool  # this very page


@dataclass
class Navigation:
    items: list[NavItem]
    group: str = ""  # the group the person is in, if it has its own second line
    group_items: list[NavItem] | None = None


def _item(label: str, name: str, membership: Membership, path: str) -> NavItem:
    url = reverse(name, args=[membership.organisation.slug])
    active = path == url if name == "orgs:dashboard" else path.startswith(url)
    return NavItem(label, url, active, path == url)


def navigation(membership: Membership, path: str) -> Navigation:
    nav = Navigation(items=[])
    groups = FUNDER_GROUPS if membership.organisation.is_funder else GROUPS
    for group, sections in groups:
        items = [_item(label, name, membership, path) for label, name in sections]
        seen = [item for item in items if can_open(membership, item.url)]
        if not seen:
            continue
        if len(seen) == 1:
            nav.items.append(seen[0])
            continue
        active = any(item.active for item in seen)
        nav.items.append(NavItem(group, seen[0].url, active, False))
        if active:
            nav.group, nav.group_items = group, seen
    return nav
