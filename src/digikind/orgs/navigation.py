"""The organisation's service navigation: which sections each role sees."""

from django.urls import reverse

from digikind.orgs.models import Membership

# (label, URL name, roles that see it; None = everyone)
SECTIONS = [
    ("Home", "orgs:dashboard", None),
    ("Records", "records:home", {"lead", "staff", "volunteer"}),
    ("Reviews", "reviews:list", {"lead", "trustee"}),
    ("Channels", "register:list", {"lead", "trustee"}),
    ("Policy check", "policies:list", {"lead"}),
    ("Agreement", "agreements:detail", {"lead", "staff", "volunteer", "trustee"}),
    ("Gaps", "gaps:report", {"lead", "trustee"}),
    ("Actions", "gaps:actions", {"lead", "trustee"}),
    ("Board report", "reports:board", {"lead", "trustee"}),
    ("People", "orgs:member_list", {"lead"}),
]


def sections(membership: Membership, path: str) -> list[dict[str, object]]:
    items = []
    for label, name, roles in SECTIONS:
        if roles is not None and membership.role not in roles:
            continue
        url = reverse(name, args=[membership.organisation.slug])
        current = path == url if name == "orgs:dashboard" else path.startswith(url)
        items.append({"label": label, "url": url, "active": current, "here": path == url})
    return items
