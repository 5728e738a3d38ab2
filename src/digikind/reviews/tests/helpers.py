"""A small question set and a review cycle for the reviews tests."""

import tempfile
from datetime import date, timedelta
from pathlib import Path

from digikind.frameworks import services as framework_services
from digikind.frameworks.files import check_file
from digikind.frameworks.models import FrameworkVersion
from digikind.reviews import services

FRAMEWORK = """\
framework:
  id: urn:digikind:framework:review-test
  version: 1
  locale: en-GB
  name: Review test set
  summary: Questions for the review tests.
  provider: Digikind tests
  audience: organisation
  source: {seed: 000_70ce34ac66ec9fda.txt}
sections:
  - id: phones
    title: Phones
    area: resources
    source: {section: "Technology: Role of Devices"}
    questions:
      - id: work-phones
        leader: Do staff have work phones for contact with young people?
        practice: In the last month I have used my own phone to message a young person.
        practice_answer: frequency
        practice_polarity: negative
        roles: [lead, staff, volunteer]
        domain: access
        topics: [devices]
        hint: Own phones mix work and home life.
        answer: maturity
      - id: who-to-tell
        leader: Do staff know who to tell about a worry online?
        practice: I know who to tell if a young person tells me something worrying online.
        practice_answer: agreement
        young_person: Do you know who to talk to if something online worries you?
        young_person_answer: yes-no
        roles: [lead, staff, volunteer, young_person]
        domain: safety-and-wellbeing
        topics: [reporting-concerns]
        hint: People act faster when they know who to tell.
        young_person_hint: It is easier to speak up when you know who to go to.
        answer: maturity
      - id: what-apps
        leader: Which apps do you use to keep in touch with young people?
        roles: [lead]
        domain: values-and-governance
        topics: [approved-channels]
        hint: A shared list is the place to start.
        answer: free-text
"""


def load_test_framework() -> FrameworkVersion:
    path = Path(tempfile.mkdtemp()) / "review-test.yaml"
    path.write_text(FRAMEWORK, encoding="utf-8")
    framework_services.load_framework(check_file(path))
    return FrameworkVersion.objects.get(framework__slug="review-test")


def start(organisation, roles=("lead", "staff", "young_person"), days=14):
    version = load_test_framework()
    return services.start_cycle(
        organisation,
        name="Summer review",
        framework_versions=[version],
        roles=list(roles),
        closes_on=date.today() + timedelta(days=days),
        created_by=None,
    )
