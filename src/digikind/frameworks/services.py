"""Put checked framework files into the library. Old versions are kept untouched."""

import hashlib
import json

from django.db import transaction

from digikind.frameworks.files import FrameworkFile
from digikind.frameworks.models import Framework, FrameworkVersion, Question, Section


class FrameworkError(Exception):
    """A framework file that cannot be loaded; the message says why and what to do."""


def content_hash(data: dict[str, object]) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()


def slug_for(urn: str) -> str:
    return urn.rsplit(":", 1)[-1]


def _changes(old: FrameworkVersion | None, new: FrameworkVersion) -> str:
    if old is None:
        return ""
    before = {q.key: q.leader for q in old.questions.all()}
    after = {q.key: q.leader for q in new.questions.all()}
    added = len(after.keys() - before.keys())
    removed = len(before.keys() - after.keys())
    reworded = sum(1 for key in after.keys() & before.keys() if after[key] != before[key])
    return (
        f" Since version {old.version}: {added} questions added, {removed} removed "
        f"(answers to them stay with version {old.version}), {reworded} reworded."
    )


@transaction.atomic
def load_framework(checked: FrameworkFile) -> str:
    """Load one checked file as a new version; return a line saying what happened."""
    if checked.problems:
        raise FrameworkError(f"{checked.path.name} has problems; run `digikind frameworks check`.")
    data = checked.data
    meta = data["framework"]
    digest = content_hash(data)
    framework, _created = Framework.objects.get_or_create(
        urn=meta["id"], defaults={"slug": slug_for(meta["id"]), "audience": meta["audience"]}
    )
    latest = framework.versions.select_for_update().order_by("-version").first()
    where = f"{checked.path.name}, line {checked.version_line}"
    if latest is not None and checked.version <= latest.version:
        if checked.version == latest.version and latest.content_hash == digest:
            return f"{framework.slug} version {latest.version} is already loaded; nothing to do."
        raise FrameworkError(
            f"{where}: {framework.slug} version {checked.version} cannot be loaded, because "
            f"version {latest.version} is already loaded and versions never change once loaded "
            f"(reviews rely on them). Fix: set `version: {latest.version + 1}` in {where}."
        )
    version = FrameworkVersion.objects.create(
        framework=framework,
        version=checked.version,
        locale=meta["locale"],
        name=meta["name"],
        summary=meta["summary"],
        provider=meta["provider"],
        source=meta["source"],
        scales=data["scales"],
        file_name=checked.path.name,
        content_hash=digest,
    )
    position = 0
    for s_position, item in enumerate(data["sections"]):
        section = Section.objects.create(
            framework_version=version,
            key=item["id"],
            position=s_position,
            title=item["title"],
            intro=item["intro"],
        )
        questions = []
        for q in item["questions"]:
            position += 1
            questions.append(
                Question(
                    framework_version=version,
                    section=section,
                    key=q["id"],
                    position=position,
                    leader=q["leader"],
                    practice=q["practice"],
                    young_person=q["young_person"],
                    hint=q["hint"],
                    young_person_hint=q["young_person_hint"],
                    examples=q["examples"],
                    roles=q["roles"],
                    domain=q["domain"],
                    area=q["area"],
                    topics=q["topics"],
                    risk_types=q["risk_types"],
                    answer=q["answer"],
                    practice_answer=q["practice_answer"],
                    young_person_answer=q["young_person_answer"],
                    practice_polarity=q["practice_polarity"],
                    young_person_polarity=q["young_person_polarity"],
                    source_seed=q["source"]["seed"],
                    source_section=q["source"]["section"],
                )
            )
        Question.objects.bulk_create(questions)
    return f"Loaded {framework.slug} version {version.version} ({position} questions)." + _changes(
        latest, version
    )
