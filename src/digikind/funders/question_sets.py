"""The question sets funders send, read from data/question_sets.yaml."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).with_name("data") / "question_sets.yaml"


@dataclass(frozen=True)
class FunderQuestion:
    id: str
    source: str  # the question's id in the shipped funders' set
    ask: str
    domain: str
    carry: dict[str, str]


@dataclass(frozen=True)
class QuestionSet:
    id: str
    name: str
    summary: str
    questions: tuple[FunderQuestion, ...]


def _load(path: Path = DATA) -> tuple[dict[str, QuestionSet], list[dict[str, Any]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    by_id: dict[str, FunderQuestion] = {}
    sets = {}
    for set_id, item in data["sets"].items():
        questions = []
        for q in item["questions"]:
            if isinstance(q, str):  # a question already given in full by an earlier set
                questions.append(by_id[q])
                continue
            question = FunderQuestion(q["id"], q["from"], q["ask"], q["domain"], q.get("carry", {}))
            by_id[question.id] = question
            questions.append(question)
        sets[set_id] = QuestionSet(set_id, item["name"], item["summary"].strip(), tuple(questions))
    return sets, data["answers"]


@cache
def question_sets() -> dict[str, QuestionSet]:
    return _load()[0]


@cache
def answer_options() -> list[dict[str, Any]]:
    return _load()[1]


def answer_score(value: str) -> float | None:
    return next((float(o["score"]) for o in answer_options() if o["value"] == value), None)


def answer_label(value: str) -> str:
    return next((str(o["label"]) for o in answer_options() if o["value"] == value), value)
