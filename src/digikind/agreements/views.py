from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from digikind.accounts.models import User
from digikind.agreements import services, wording
from digikind.agreements.draft import build_draft, channels_for_young_people, not_named
from digikind.agreements.forms import AgreementForm
from digikind.agreements.models import Agreement
from digikind.agreements.reading import MAX_GRADE, read_agreement
from digikind.editing import rebased_form
from digikind.nostore import no_store
from digikind.orgs.models import Organisation
from digikind.orgs.tenancy import lead_view, member_view
from digikind.qr import qr_svg_response


def _user(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


def _is_lead(request: HttpRequest) -> bool:
    membership = getattr(request, "membership", None)
    return membership is not None and membership.role == "lead"


@member_view
def agreement_detail(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    agreement = services.current_agreement(organisation)
    shown = None
    if agreement is not None:
        shown = agreement.published_text if agreement.is_published else agreement.texts()
    channels = channels_for_young_people(organisation) if _is_lead(request) else []
    ctx = {
        "organisation": organisation,
        "agreement": agreement,
        "reading": read_agreement(shown).overall if shown is not None else None,
        "is_lead": _is_lead(request),
        "channels": channels,
        "not_named": not_named(channels, agreement.texts()["channels"]) if agreement else [],
        "intro": wording.intro(),
        "share_url": (
            request.build_absolute_uri(agreement.share_url())
            if agreement and agreement.is_published
            else None
        ),
    }
    return render(request, "agreements/agreement_detail.html", ctx)


@lead_view
def agreement_edit(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    agreement = services.current_agreement(organisation)
    draft = build_draft(organisation)
    current = None
    if request.method == "POST":
        form = AgreementForm(request.POST)
        if form.is_valid():
            publishing = request.POST.get("action") == "publish"
            texts = form.texts()
            try:
                if publishing:
                    services.publish(
                        organisation, texts, seen_version=form.seen_version(), by=_user(request)
                    )
                else:
                    services.save_texts(
                        organisation, texts, seen_version=form.seen_version(), by=_user(request)
                    )
            except services.EditConflict as conflict:
                current = conflict.current
                form = rebased_form(AgreementForm, request, current.version, str(conflict))
            except services.NotReadyToPublish as refused:
                form.add_error(None, "It is not published yet, and nothing was saved.")
                for problem in refused.problems:
                    form.add_error(None, problem)
            except services.AgreementError as error:
                form.add_error(None, str(error))
            else:
                if publishing:
                    messages.success(request, "Published. Young people can now read it.")
                    return redirect("agreements:detail", organisation.slug)
                messages.success(request, "Saved.")
                return redirect("agreements:edit", organisation.slug)
    else:
        texts = agreement.texts() if agreement else draft.texts
        form = AgreementForm(initial={**texts, "version": agreement.version if agreement else 0})
    reading = read_agreement(form.texts())
    form.describe(reading, draft.hints)
    ctx = {
        "organisation": organisation,
        "agreement": agreement,
        "form": form,
        "current": current,
        "reading": reading,
        "max_grade": MAX_GRADE,
        "draft": draft,
        "channels": draft.channels,
        "not_named": not_named(draft.channels, form.texts()["channels"]),
        "sources": wording.sources(),
    }
    return render(request, "agreements/agreement_edit.html", ctx)


@lead_view
def agreement_restart(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    agreement = services.current_agreement(organisation)
    if request.method == "POST":
        try:
            seen = int(request.POST.get("version") or 0)
        except ValueError:
            seen = -1
        try:
            services.start_again(organisation, seen_version=seen, by=_user(request))
        except services.AgreementError:
            messages.error(
                request,
                "Someone changed the agreement after you opened that page, so nothing was "
                "replaced. Read their changes, then start again if you still want to.",
            )
        else:
            messages.success(
                request, "A new draft is ready. Read it through with young people and change it."
            )
        return redirect("agreements:edit", organisation.slug)
    ctx = {"organisation": organisation, "agreement": agreement}
    return render(request, "agreements/agreement_restart.html", ctx)


@require_POST
@lead_view
def agreement_unpublish(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    agreement = services.current_agreement(organisation)
    if agreement is None or not agreement.is_published:
        raise Http404("There is no published agreement.")
    services.unpublish(agreement, by=_user(request))
    messages.success(request, "The agreement is no longer shared. Its link now shows nothing.")
    return redirect("agreements:detail", organisation.slug)


@no_store
@member_view
def agreement_print(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    agreement = services.current_agreement(organisation)
    want_draft = request.GET.get("text") == "draft"
    if agreement is None:
        sections, is_draft = [], True
    elif agreement.is_published and not want_draft:
        sections, is_draft = agreement.published_sections(), False
    else:
        sections = agreement.sections()
        is_draft = not agreement.is_published or agreement.has_unpublished_changes
    ctx = {
        "organisation": organisation,
        "agreement": agreement,
        "sections": sections,
        "is_draft": is_draft,
        "intro": wording.intro(),
    }
    return render(request, "agreements/agreement_print.html", ctx)


@member_view
def agreement_qr(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    agreement = services.current_agreement(organisation)
    if agreement is None or not agreement.is_published:
        raise Http404("The agreement is not shared.")
    return qr_svg_response(
        request.build_absolute_uri(agreement.share_url()), "QR code for the digital agreement"
    )


def agreement_shared(request: HttpRequest, share_token: str) -> HttpResponse:
    """The published agreement, for young people: no account, no scripts, a light page."""
    agreement = (
        Agreement.objects.select_related("organisation")
        .filter(share_token=share_token, status=Agreement.Status.PUBLISHED)
        .first()
    )
    if agreement is None or not agreement.is_published:
        raise Http404("No such agreement.")
    ctx = {
        "organisation": agreement.organisation,
        "agreement": agreement,
        "sections": agreement.published_sections(),
        "intro": wording.intro(),
    }
    return render(request, "agreements/agreement_shared.html", ctx)
