"""A small valid framework file for tests to change one thing at a time."""

from pathlib import Path

VALID = """\
framework:
  id: urn:digikind:framework:test-set
  version: {version}
  locale: en-GB
  name: A test set
  summary: Questions for the tests.
  provider: Digikind tests
  audience: organisation
  source: {{seed: 000_70ce34ac66ec9fda.txt}}
sections:
  - id: ownership
    title: Ownership and control
    area: organisational
    source: {{section: "Ownership and control"}}
    questions:
      - id: unofficial-accounts
        leader: {leader}
        practice: I have seen a page that looked like ours but was not.
        young_person: Have you seen a page that looked like ours, but was not?
        roles: [lead, staff, young_person]
        domain: safety-and-wellbeing
        topics: [approved-channels]
        hint: Fake pages can fool young people.
        young_person_hint: A fake page can trick you.
        answer: maturity
        practice_answer: yes-no
      - id: who-runs-accounts
        leader: Is it clear who may set up an account in your name?
        roles: [lead, trustee]
        domain: values-and-governance
        topics: [approved-channels, governance-review]
        hint: Without a rule, anyone can make a page that looks like yours.
        answer: maturity
"""


def write_framework(
    folder: Path,
    *,
    version: int = 1,
    leader: str = "Do you spot and deal with pages that look like yours but are not?",
    replace: tuple[str, str] | None = None,
    name: str = "test-set.yaml",
) -> Path:
    text = VALID.format(version=version, leader=leader)
    if replace:
        assert replace[0] in text, replace[0]
        text = text.replace(*replace)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
