"""Turn missing and weak topics into questions an organisation can discuss.

Questions come from the loaded question sets (the frameworks); where none are loaded,
from the topic's own description.
"""

from dataclasses import dataclass

from digikind.frameworks.models import Question, latest_versions
from digikind.policycheck.report import Report
from digikind.vocabulary import vocabulary


@dataclass
class NextStep:
    topic: str
    topic_name: str
    state: str
    questions: list[str]
    source: str


def next_steps(report: Report, per_topic: int = 2) -> list[NextStep]:
    weak = [t for t in report.topics if t.state != "covered"]
    if not weak or report.language != "en":
        return []
    questions = list(
        Question.objects.filter(
            framework_version__in=latest_versions("organisation")
        ).select_related("framework_version")
    )
    described = {t["id"]: t["covers"] for t in vocabulary()["topics"]}
    steps = []
    for topic in weak:
        matching = [q for q in questions if topic.id in q.topics]
        # Questions tagged with fewer topics are the most to the point.
        matching.sort(key=lambda q: (len(q.topics), q.framework_version.framework.slug, q.position))
        if matching:
            chosen = matching[:per_topic]
            source = ", ".join(sorted({q.framework_version.name["en"] for q in chosen}))
            steps.append(
                NextStep(
                    topic.id, topic.name, topic.state, [q.leader["en"] for q in chosen], source
                )
            )
        else:
            steps.append(
                NextStep(
                    topic.id,
                    topic.name,
                    topic.state,
                    [f"What is your rule about {described[topic.id]}?"],
                    "Digikind's topic list",
                )
            )
    return steps
