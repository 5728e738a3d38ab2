"""The organisation's service navigation: which sections each role sees, in a few groups.

Ten sections do not fit on one line, so related ones share a group: the top line shows the
group, and the group's own pages are listed on a second line while you are in it. A group
with one section a person can see shows that section under its own name.
"""

from dataclasses import dataclass

from django.urls import reverse

from digikind.orgs.models import Membership

# (group, [(label, URL name, roles that see it; None = everyone)])
Section = tuple[str, str, set[str] | None]
GROUPS: list[tuple[str, list[Section]]] = [
    ("Home", [("Home", "orgs:dashboard", None)]),
    ("Records", [("Records", "records:home", {"lead", "staff", "volunteer"})]),
    (
        "Check",
        [
            ("Reviews", "reviews:list", {"lead", "trustee"}),
            ("Policy check", "policies:list", {"lead"}),
            ("Channels", "register:list", {"lead", "trustee"}),
        ],
    ),
    (
        "Plan",
        [
            ("Gaps", "gaps:report", {"lead", "trustee"}),
            ("Actions", "gaps:actions", {"lead", "trustee"}),
            ("Board report", "reports:board", {"lead", "trustee"}),
            ("Agreement", "agreements:detail", {"lead", "staff", "volunteer", "trustee"}),
            ("Funders", "funders:requests", {"lead", "trustee"}),
        ],
    ),
    ("People", [("People", "orgs:member_list", {"lead"})]),
]
# A funder's own menu: its portfolio, not a youth organisation's records and checks.
FUNDER_GROUPS: list[tuple[str, list[Section]]] = [
    ("Portfolio", [("Portfolio", "funders:portfolio", None)]),
    ("People", [("People", "orgs:member_list", {"lead"})]),
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
    for group, sections in FUNDER_GROUPS if membership.organisation.is_funder else GROUPS:
        seen = [
            _item(label, name, membership, path)
            for label, name, roles in sections
            if roles is None or membership.role in roles
        ]
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
