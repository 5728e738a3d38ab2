"""The respondent's pages: no account, one question per page, check your answers, thank you.

The link's token identifies the cycle and role; a random key in a cookie lets the same
device leave and carry on later. Nothing identifies the person.
"""

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from digikind import ratelimit
from digikind.pages.templatetags.texts import tr
from digikind.reviews import services
from digikind.reviews.forms import AnswerForm
from digikind.reviews.models import Answer, Response, ReviewLink
from digikind.reviews.questions import AskedQuestion, questions_for


def _cookie(link: ReviewLink) -> str:
    return f"dk_review_{link.cycle_id}"


def _problem(
    request: HttpRequest,
    title: str,
    message: str,
    status: int = 200,
    link: ReviewLink | None = None,
) -> HttpResponse:
    ctx = {"title": title, "message": message, "cycle": link.cycle if link else None}
    return render(request, "reviews/respond/problem.html", ctx, status=status)


def _load(
    request: HttpRequest, token: str
) -> tuple[ReviewLink | None, Response | None, HttpResponse | None]:
    # Tokens are unique, so `[:1]` needs no ordering: this runs on every answer.
    found = list(ReviewLink.objects.select_related("cycle", "organisation").filter(token=token)[:1])
    link = found[0] if found else None
    if link is None:
        return (
            None,
            None,
            _problem(
                request,
                _("We cannot find this review"),
                _("Check you copied the whole link, or ask the person who sent it."),
                404,
            ),
        )
    response = services.find_response(link, request.COOKIES.get(_cookie(link)))
    # Started on another link of this review: it only carries on here if that link is still
    # on and for the same group; answers never move to another group's questions.
    if (
        response is not None
        and response.submitted_at is None
        and response.link_id != link.pk
        and (response.role != link.role or response.link.revoked_at is not None)
    ):
        if request.method == "POST" and request.POST.get("again") == "yes":
            return link, None, None  # they chose to start again on this link
        return link, None, _other_link(request, link, response)
    in_use = response.link if response is not None else link
    if in_use.revoked_at is not None and not (response and response.submitted_at):
        return (
            link,
            None,
            _problem(
                request,
                _("This link no longer works"),
                _(
                    "The person who sent it has switched it off, so we cannot take answers "
                    "through it. Ask them for a new link."
                ),
                410,
                link,
            ),
        )
    return link, response, None


def _other_link(request: HttpRequest, link: ReviewLink, response: Response) -> HttpResponse:
    ctx = {
        "link": link,
        "cycle": link.cycle,
        "started_as": response.get_role_display(),
        "started_off": response.link.revoked_at is not None,
        "started_url": response.link.get_absolute_url(),
        "can_restart": not services.link_problem(link),
    }
    return render(request, "reviews/respond/other_link.html", ctx, status=409)


def respond(request: HttpRequest, token: str) -> HttpResponse:
    link, response, problem = _load(request, token)
    if problem:
        return problem
    assert link is not None
    if response and response.submitted_at:
        return render(
            request,
            "reviews/respond/thanks.html",
            {"link": link, "cycle": link.cycle, "again": True},
        )
    if not link.cycle.is_open:
        return render(request, "reviews/respond/closed.html", {"link": link, "cycle": link.cycle})
    asked = questions_for(link.cycle, link.role)
    if request.method == "POST":
        if response is None:
            if not ratelimit.allow(
                f"review-start:{link.pk}:{ratelimit.client_address(request)}",
                settings.REVIEW_STARTS_PER_HOUR,
                3600,
            ):
                return _problem(
                    request,
                    _("Too many answers from here"),
                    _(
                        "Lots of answers have started from this network in the last hour. "
                        "Please try again later."
                    ),
                    429,
                    link,
                )
            response, key = services.start_response(link)
            redirect_to = HttpResponseRedirect(reverse("reviews:question", args=[token, 1]))
            redirect_to.set_cookie(
                _cookie(link),
                key,
                max_age=60 * 60 * 24 * 120,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
            return redirect_to
        return redirect("reviews:question", token, _first_unanswered(response, asked))
    ctx = {
        "link": link,
        "cycle": link.cycle,
        "count": len(asked),
        "minutes": minutes_to_answer(len(asked)),
        "response": response,
        "next_number": _first_unanswered(response, asked) if response else 1,
    }
    return render(request, "reviews/respond/start.html", ctx)


SECONDS_A_QUESTION = 20  # reading, choosing, and now and then a comment


def minutes_to_answer(count: int) -> int:
    """About how long a review takes, to the nearest 5 minutes and never under 5."""
    return max(5, 5 * round(count * SECONDS_A_QUESTION / 60 / 5))


def _first_unanswered(response: Response, asked: list[AskedQuestion]) -> int:
    answered = set(response.answers.values_list("question_id", flat=True))
    return next((a.number for a in asked if a.question.pk not in answered), len(asked))


def question(request: HttpRequest, token: str, number: int) -> HttpResponse:
    link, response, problem = _load(request, token)
    if problem:
        return problem
    assert link is not None
    if response is None:
        return redirect("reviews:respond", token)
    if response.submitted_at:
        return redirect("reviews:respond", token)
    asked_all = questions_for(link.cycle, response.role)
    if not 1 <= number <= len(asked_all):
        return redirect("reviews:respond", token)
    current = asked_all[number - 1]
    error = ""
    form = AnswerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        # The rate limit's count and the answer are written in one transaction: one write
        # per answer, not two, is what lets many people answer at once on SQLite.
        with transaction.atomic():
            allowed = ratelimit.allow(
                f"review-answer:{response.pk}", settings.REVIEW_ANSWERS_PER_MINUTE, 60
            )
            if allowed:
                try:
                    services.save_answer(
                        response,
                        current,
                        value=form.cleaned_data["value"],
                        text=form.cleaned_data["text"],
                        comment=form.cleaned_data["comment"],
                    )
                except services.ReviewError as problem_:
                    error = str(problem_)
        if not allowed:
            return _problem(
                request,
                _("Slow down a little"),
                _("Please wait a minute, then carry on."),
                429,
                link,
            )
        if not error:
            if request.POST.get("then") == "check" or number == len(asked_all):
                return redirect("reviews:check", token)
            return redirect("reviews:question", token, number + 1)
    saved = Answer.objects.filter(response=response, question=current.question).first()
    ctx = {
        "link": link,
        "cycle": link.cycle,
        "asked": current,
        "total": len(asked_all),
        "error": error,
        "value": request.POST.get("value", saved.value if saved else ""),
        "text": request.POST.get("text", saved.text if saved else ""),
        "comment": request.POST.get("comment", saved.comment if saved else ""),
        "back": reverse("reviews:question", args=[token, number - 1])
        if number > 1
        else reverse("reviews:respond", args=[token]),
        "then": request.GET.get("then", request.POST.get("then", "")),
    }
    return render(request, "reviews/respond/question.html", ctx, status=400 if error else 200)


def check_answers(request: HttpRequest, token: str) -> HttpResponse:
    link, response, problem = _load(request, token)
    if problem:
        return problem
    assert link is not None
    if response is None or response.submitted_at:
        return redirect("reviews:respond", token)
    asked_all = questions_for(link.cycle, response.role)
    answers = {a.question_id: a for a in response.answers.all()}
    error = ""
    if request.method == "POST":
        try:
            services.submit_response(response, address=ratelimit.client_address(request))
        except services.ReviewError as problem_:
            error = str(problem_)
        else:
            return redirect("reviews:thanks", token)
    rows = []
    for item in asked_all:
        answer = answers.get(item.question.pk)
        labels = dict(item.options())
        if answer is None:
            shown = _("Not answered")
        elif answer.value == Answer.DONT_KNOW:
            shown = _("I don’t know")
        elif item.is_free_text:
            shown = answer.text
        else:
            shown = tr(labels.get(answer.value)) or answer.value
        rows.append((item, shown, answer.comment if answer else ""))
    ctx = {
        "link": link,
        "cycle": link.cycle,
        "rows": rows,
        "error": error,
        "unanswered": sum(1 for item in asked_all if item.question.pk not in answers),
    }
    return render(request, "reviews/respond/check.html", ctx, status=400 if error else 200)


def thanks(request: HttpRequest, token: str) -> HttpResponse:
    link, response, problem = _load(request, token)
    if problem:
        return problem
    assert link is not None
    if response is None or response.submitted_at is None:
        return redirect("reviews:respond", token)
    return render(request, "reviews/respond/thanks.html", {"link": link, "cycle": link.cycle})
