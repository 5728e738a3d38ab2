"""The lead's pages: start a review, share its links, watch answers arrive, read results."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from digikind.accounts.models import User
from digikind.nostore import no_store
from digikind.orgs.models import Organisation
from digikind.orgs.tenancy import get_for_org, lead_view, org_view
from digikind.qr import qr_svg_response
from digikind.reviews import services
from digikind.reviews.charts import domain_chart
from digikind.reviews.forms import CycleForm, LinkForm, NoteForm
from digikind.reviews.models import ReviewCycle, ReviewLink
from digikind.reviews.scoring import DIFFERENCE, MIN_GROUP, results
from digikind.vocabulary import names

READERS = ("lead", "trustee")


def _cycle(organisation: Organisation, reviewcycle_id: int) -> ReviewCycle:
    return get_for_org(
        ReviewCycle.objects.prefetch_related("links"), organisation, pk=reviewcycle_id
    )


@org_view(roles=READERS)
def review_list(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    cycles = ReviewCycle.objects.for_org(organisation)
    return render(
        request, "reviews/review_list.html", {"organisation": organisation, "cycles": cycles}
    )


@lead_view
def review_new(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = CycleForm(request.POST) if request.method == "POST" else CycleForm()
    if request.method == "POST" and form.is_valid():
        try:
            cycle = services.start_cycle(
                organisation,
                name=form.cleaned_data["name"],
                framework_versions=list(form.cleaned_data["framework_versions"]),
                roles=form.cleaned_data["roles"],
                closes_on=form.cleaned_data["closes_on"],
                created_by=request.user if isinstance(request.user, User) else None,
            )
        except services.ReviewError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, "Your review has started. Share the links below.")
            return redirect(cycle)
    return render(request, "reviews/review_new.html", {"organisation": organisation, "form": form})


@org_view(roles=READERS)
def review_detail(
    request: HttpRequest, organisation: Organisation, reviewcycle_id: int
) -> HttpResponse:
    cycle = _cycle(organisation, reviewcycle_id)
    counts = {
        role: cycle.responses.filter(role=role, submitted_at__isnull=False).count()
        for role in cycle.roles
    }
    link_form = LinkForm(roles=list(zip(cycle.roles, cycle.role_names(), strict=True)))
    ctx = {
        "organisation": organisation,
        "cycle": cycle,
        "counts": [
            (name, counts[role]) for role, name in zip(cycle.roles, cycle.role_names(), strict=True)
        ],
        "links": cycle.links.filter(revoked_at__isnull=True),
        "link_form": link_form,
        "site": request.build_absolute_uri("/").rstrip("/"),
        "min_group": MIN_GROUP,
    }
    return render(request, "reviews/review_detail.html", ctx)


@require_POST
@lead_view
def add_link(request: HttpRequest, organisation: Organisation, reviewcycle_id: int) -> HttpResponse:
    cycle = _cycle(organisation, reviewcycle_id)
    form = LinkForm(request.POST, roles=list(zip(cycle.roles, cycle.role_names(), strict=True)))
    if form.is_valid():
        services.add_link(cycle, form.cleaned_data["role"], form.cleaned_data["label"])
        messages.success(request, "A new link is ready below.")
    else:
        messages.error(request, "Choose which group the new link is for.")
    return redirect(cycle)


@require_POST
@lead_view
def revoke_link(
    request: HttpRequest, organisation: Organisation, reviewcycle_id: int, reviewlink_id: int
) -> HttpResponse:
    cycle = _cycle(organisation, reviewcycle_id)
    link = get_for_org(ReviewLink.objects.filter(cycle=cycle), organisation, pk=reviewlink_id)
    services.revoke_link(link)
    messages.success(
        request, "That link no longer works. Answers already sent through it are kept."
    )
    return redirect(cycle)


@require_POST
@lead_view
def close_review(
    request: HttpRequest, organisation: Organisation, reviewcycle_id: int
) -> HttpResponse:
    cycle = _cycle(organisation, reviewcycle_id)
    services.close_cycle(cycle)
    messages.success(request, "The review is closed. You can now read the results.")
    return redirect("reviews:results", organisation.slug, cycle.pk)


@org_view(roles=READERS)
def link_qr(
    request: HttpRequest,
    organisation: Organisation,
    reviewcycle_id: int,
    reviewlink_id: int,
    welsh: bool = False,
) -> HttpResponse:
    cycle = _cycle(organisation, reviewcycle_id)
    link = get_for_org(ReviewLink.objects.filter(cycle=cycle), organisation, pk=reviewlink_id)
    if welsh:
        return qr_svg_response(
            request.build_absolute_uri(link.get_welsh_url()),
            f"QR code for the {link.get_role_display()} link in Welsh",
        )
    return qr_svg_response(
        request.build_absolute_uri(link.get_absolute_url()),
        f"QR code for the {link.get_role_display()} link",
    )


@no_store
@org_view(roles=READERS)
def review_results(
    request: HttpRequest, organisation: Organisation, reviewcycle_id: int
) -> HttpResponse:
    cycle = _cycle(organisation, reviewcycle_id)
    if cycle.is_open:
        messages.info(
            request,
            "Results show when the review closes, so nobody's answers can be picked out early.",
        )
        return redirect(cycle)
    found = results(cycle)
    ctx = {
        "organisation": organisation,
        "cycle": cycle,
        "results": found,
        "groups_shown": [*found.groups, *([found.overall] if found.overall else [])],
        "chart": domain_chart(found),
        "topic_names": names("topics"),
        "min_group": MIN_GROUP,
        "difference": DIFFERENCE,
    }
    return render(request, "reviews/review_results.html", ctx)


@lead_view
def review_note(
    request: HttpRequest, organisation: Organisation, reviewcycle_id: int
) -> HttpResponse:
    cycle = _cycle(organisation, reviewcycle_id)
    if request.method == "POST":
        form = NoteForm(request.POST)
        if form.is_valid():
            services.set_note(cycle, form.cleaned_data["you_said_we_did"])
            messages.success(request, "Saved. People who open a link to this review will see it.")
            return redirect(cycle)
    else:
        form = NoteForm(initial={"you_said_we_did": cycle.you_said_we_did})
    return render(
        request,
        "reviews/review_note.html",
        {"organisation": organisation, "cycle": cycle, "form": form},
    )
