"""Read framework files and check them: every problem names the file, the line and the fix.

This module has no database work: `check_file` turns a YAML file into a checked,
normalised `FrameworkFile` (every question has its area, source and answer scales
filled in, every text is a {"en": ..., "cy": ...} mapping) or a list of `Problem`s.
"""

import copy
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from digikind import readability
from digikind.orgs.roles import RespondentRole
from digikind.vocabulary import ids

DATA_DIR = Path(__file__).with_name("data")
SCHEMA_FILE = Path(__file__).with_name("schema.yaml")
COMMON_SCALES_FILE = DATA_DIR / "scales.yaml"
FREE_TEXT = "free-text"
YOUNG_ROLES = {RespondentRole.YOUNG_PERSON.value, RespondentRole.PARENT_CARER.value}
PRACTICE_ROLES = {RespondentRole.STAFF.value, RespondentRole.VOLUNTEER.value}

# Plain-language bars from DESIGN.md, as Flesch-Kincaid grades.
YOUNG_PERSON_GRADE = 6.0
STAFF_GRADE = 9.0


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    item: str
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        return f"{where} ({self.item}): {self.message} Fix: {self.fix}"


@dataclass
class FrameworkFile:
    path: Path
    data: dict[str, Any]
    version_line: int | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def urn(self) -> str:
        return str(self.data["framework"]["id"])

    @property
    def version(self) -> int:
        return int(self.data["framework"]["version"])

    def questions(self) -> list[dict[str, Any]]:
        return [q for s in self.data["sections"] for q in s["questions"]]


class _NoDuplicatesLoader(yaml.SafeLoader):
    """YAML loader that refuses a key given twice in one mapping (PyYAML keeps the last)."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: dict[Any, int] = {}
    for key_node, _value in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"the key {key!r} is given twice (first on line {seen[key] + 1})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node)


_NoDuplicatesLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


def _line_map(node: yaml.Node, path: tuple[Any, ...] = ()) -> dict[tuple[Any, ...], int]:
    """Map every path in the document (("sections", 2, "id")...) to its 1-based line."""
    lines = {path: node.start_mark.line + 1}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            lines.update(_line_map(value_node, (*path, key_node.value)))
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            lines.update(_line_map(item, (*path, index)))
    return lines


def _line_for(lines: dict[tuple[Any, ...], int], path: tuple[Any, ...]) -> int | None:
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path)


@cache
def _schema() -> dict[str, Any]:
    schema: dict[str, Any] = yaml.safe_load(SCHEMA_FILE.read_text(encoding="utf-8"))
    defs = schema["$defs"]
    defs["topic"] = {"enum": ids("topics")}
    defs["domain"] = {"enum": ids("domains")}
    defs["area"] = {"enum": ids("areas")}
    defs["risk_type"] = {"enum": ids("risk_types")}
    defs["seed"] = {"enum": ids("seeds")}
    defs["role"] = {"enum": [r.value for r in RespondentRole]}
    return schema


def _item_name(path: tuple[Any, ...], data: Any) -> str:
    """A readable name for where a problem is: 'section ownership, question unofficial-accounts'."""
    parts, node = [], data
    for step in path:
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(node, dict) and "id" in node and isinstance(step, int):
            kind = "question" if "leader" in node or "answer" in node else "section"
            parts.append(f"{kind} {node['id']}")
    field_name = next((str(p) for p in reversed(path) if isinstance(p, str)), "file")
    return ", ".join([*parts, f"field {field_name}"]) if parts else f"field {field_name}"


def _schema_fix(error: jsonschema.ValidationError) -> tuple[str, str]:
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return f"`{missing}` is missing.", f"add `{missing}:` here (see FORMAT.md)."
    if error.validator == "enum":
        allowed = ", ".join(str(v) for v in list(error.validator_value))  # type: ignore[arg-type]
        return f"{error.instance!r} is not a known value.", f"use one of: {allowed}."
    if error.validator == "additionalProperties":
        schema = error.schema if isinstance(error.schema, dict) else {}
        allowed = ", ".join(sorted(schema.get("properties", {})))
        return error.message + ".", f"check the spelling; allowed fields here: {allowed}."
    if error.validator == "pattern":
        return (
            f"{error.instance!r} is not a valid identifier.",
            "use lower-case letters, digits and single hyphens, e.g. `unofficial-accounts`.",
        )
    if error.validator == "oneOf":
        return "this text is empty or badly shaped.", "write plain text, or `{en: ..., cy: ...}`."
    return error.message + ".", "see FORMAT.md for what this field takes."


def text(value: Any) -> dict[str, str]:
    """Normalise a text field to {"en": ..., "cy": ...} (Welsh may be empty)."""
    if value is None:
        return {"en": "", "cy": ""}
    if isinstance(value, str):
        return {"en": value.strip(), "cy": ""}
    return {"en": str(value["en"]).strip(), "cy": str(value.get("cy", "")).strip()}


@cache
def common_scales() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(COMMON_SCALES_FILE.read_text(encoding="utf-8"))
    return dict(data["scales"])


def _normalise(doc: dict[str, Any]) -> dict[str, Any]:
    meta = doc["framework"]
    for key in ("name", "summary"):
        meta[key] = text(meta[key])
    scales = {**copy.deepcopy(common_scales()), **doc.get("scales", {})}
    for scale in scales.values():
        scale["name"] = text(scale["name"])
        for level in scale.get("levels", []):
            for key in ("name", "descriptor", "next_step"):
                level[key] = text(level.get(key))
        for option in scale.get("options", []):
            option["label"] = text(option["label"])
    doc["scales"] = scales
    for section in doc["sections"]:
        section["title"] = text(section["title"])
        section["intro"] = text(section.get("intro"))
        section_source = section.get("source", {})
        for question in section["questions"]:
            question.setdefault("area", section.get("area"))
            source = {
                "seed": meta["source"]["seed"],
                **section_source,
                **question.get("source", {}),
            }
            question["source"] = source
            for key in ("leader", "practice", "young_person", "hint", "young_person_hint"):
                question[key] = text(question.get(key))
            question["examples"] = [text(e) for e in question.get("examples", [])]
            question.setdefault("practice_answer", question["answer"])
            question.setdefault("young_person_answer", question["practice_answer"])
            question.setdefault("risk_types", [])
            # "negative": a yes, an "often" or an "I agree" describes a risk, not good practice.
            question.setdefault("practice_polarity", "positive")
            question.setdefault("young_person_polarity", "positive")
    return doc


def _rule_problems(
    doc: dict[str, Any], lines: dict[tuple[Any, ...], int], name: str
) -> list[Problem]:
    """Checks a schema cannot express: unique ids, filled-in inheritance, wording per role."""
    problems: list[Problem] = []

    def add(path: tuple[Any, ...], message: str, fix: str) -> None:
        problems.append(Problem(name, _line_for(lines, path), _item_name(path, doc), message, fix))

    scales = {**common_scales(), **doc.get("scales", {})}
    for scale_id, scale in doc.get("scales", {}).items():
        path = ("scales", scale_id)
        if scale["kind"] == "maturity":
            levels = scale.get("levels", [])
            if not levels:
                add(path, "a maturity scale has no `levels`.", "list its levels, lowest first.")
            for i, level in enumerate(levels[:-1]):
                if "next_step" not in level:
                    add(
                        (*path, "levels", i),
                        f"level {level['id']} has no `next_step`.",
                        "say what would reach the level above (only the top level has none).",
                    )
        elif not scale.get("options"):
            add(path, "a choice scale has no `options`.", "list its options.")

    seen_sections: dict[str, int] = {}
    seen_questions: dict[str, tuple[Any, ...]] = {}
    for s_index, section in enumerate(doc["sections"]):
        s_path = ("sections", s_index)
        if section["id"] in seen_sections:
            add(
                (*s_path, "id"),
                f"the section id {section['id']!r} is used twice.",
                "give each section its own id.",
            )
        seen_sections[section["id"]] = s_index
        for q_index, question in enumerate(section["questions"]):
            q_path = (*s_path, "questions", q_index)
            qid = question["id"]
            if qid in seen_questions:
                first = _line_for(lines, (*seen_questions[qid], "id"))
                add(
                    (*q_path, "id"),
                    f"the question id {qid!r} is used twice (first on line {first}).",
                    "give each question its own id; answers are stored against it.",
                )
            seen_questions[qid] = q_path
            if "area" not in question and "area" not in section:
                add(
                    q_path,
                    "this question has no area.",
                    "add `area:` to the question or to its section.",
                )
            if "section" not in {**section.get("source", {}), **question.get("source", {})}:
                add(
                    q_path,
                    "this question does not say where in the seed it comes from.",
                    "add `source: {section: ...}` to the question or to its section.",
                )
            roles = set(question["roles"])
            if roles & YOUNG_ROLES and "young_person" not in question:
                add(
                    q_path,
                    "young people or parents are asked, but there is no young-person wording.",
                    "add `young_person:` in words a 12-year-old can read, or remove those roles.",
                )
            if (
                roles & YOUNG_ROLES
                and "young_person" in question
                and ("young_person_hint" not in question)
            ):
                add(
                    q_path,
                    "young people or parents are asked, but there is no young-person hint, "
                    "and the `hint` is written for staff.",
                    "add `young_person_hint:` in words a 12-year-old can read.",
                )
            if "young_person_hint" in question and not roles & YOUNG_ROLES:
                add(
                    (*q_path, "young_person_hint"),
                    "there is a young-person hint, but no young people or parents are asked.",
                    "add young_person or parent_carer to `roles`, or remove `young_person_hint`.",
                )
            if "practice" in question and not roles & PRACTICE_ROLES:
                add(
                    (*q_path, "practice"),
                    "there is a practice wording, but no staff or volunteers are asked.",
                    "add staff or volunteer to `roles`, or remove `practice`.",
                )
            for key in ("answer", "practice_answer", "young_person_answer"):
                scale_id = question.get(key)
                if scale_id is not None and scale_id != FREE_TEXT and scale_id not in scales:
                    add(
                        (*q_path, key),
                        f"the answer scale {scale_id!r} is not defined.",
                        f"use one of: {', '.join([*scales, FREE_TEXT])}, "
                        "or define it under `scales:`.",
                    )
    problems.extend(welsh_problems(doc, lines, name))
    return problems


# The fields that hold words people read; each may be plain or {en: ..., cy: ...}.
TEXT_FIELDS = frozenset(
    {
        "name",
        "summary",
        "title",
        "intro",
        "leader",
        "practice",
        "young_person",
        "hint",
        "young_person_hint",
        "descriptor",
        "next_step",
        "label",
        "examples",
    }
)


def _texts(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    """Every (path, text) in a framework file, outside `source:` (which cites the seed)."""
    found: list[tuple[tuple[Any, ...], Any]] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "source":
                continue
            if key in TEXT_FIELDS and key != "examples":
                found.append(((*path, key), item))
            elif key == "examples":
                found.extend(((*path, key, i), e) for i, e in enumerate(item))
            else:
                found.extend(_texts(item, (*path, key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found.extend(_texts(item, (*path, i)))
    return found


def welsh_problems(
    doc: dict[str, Any], lines: dict[tuple[Any, ...], int], name: str
) -> list[Problem]:
    """A file with any Welsh has Welsh for every text, so nobody reading in Welsh meets a
    question, hint or answer in English. A file with no Welsh is fine: it is shown in
    English, marked as English, on Welsh pages."""
    texts = _texts(doc)
    if not any(isinstance(t, dict) and str(t.get("cy", "")).strip() for _p, t in texts):
        return []
    problems = [
        Problem(
            name,
            _line_for(lines, path),
            _item_name(path, doc),
            "this text has no Welsh, but other texts in this file do.",
            "add `cy:` beside its `en:` (a file with Welsh needs it for every text), "
            "or take the Welsh out of the whole file.",
        )
        for path, value in texts
        if not (isinstance(value, dict) and str(value.get("cy", "")).strip())
    ]
    if doc["framework"].get("welsh") not in ("unchecked", "checked"):
        problems.append(
            Problem(
                name,
                _line_for(lines, ("framework",)),
                "framework",
                "this file has Welsh, but does not say whether a Welsh speaker has checked it.",
                "add `welsh: unchecked` under `framework:`, or `welsh: checked` once a Welsh "
                "speaker has read every text.",
            )
        )
    return problems


def wording_problems(
    doc: dict[str, Any], lines: dict[tuple[Any, ...], int], name: str
) -> list[Problem]:
    """Reading-grade bars from DESIGN.md, measured on every wording people will read."""
    problems: list[Problem] = []

    def measure(path: tuple[Any, ...], value: dict[str, str], bar: float, who: str) -> None:
        if not value["en"]:
            return
        grade = readability.flesch_kincaid_grade(value["en"])
        if grade > bar:
            problems.append(
                Problem(
                    name,
                    _line_for(lines, path),
                    _item_name(path, doc),
                    f"reading grade {grade} is above {bar:g} for {who}: {value['en']!r}",
                    "use shorter sentences and shorter, everyday words.",
                )
            )

    for s_index, section in enumerate(doc["sections"]):
        measure(("sections", s_index, "intro"), section["intro"], STAFF_GRADE, "staff wording")
        for q_index, question in enumerate(section["questions"]):
            q_path = ("sections", s_index, "questions", q_index)
            for key in ("leader", "practice", "hint"):
                measure((*q_path, key), question[key], STAFF_GRADE, "staff wording")
            for e_index, example in enumerate(question["examples"]):
                measure((*q_path, "examples", e_index), example, STAFF_GRADE, "staff wording")
            for key in ("young_person", "young_person_hint"):
                measure((*q_path, key), question[key], YOUNG_PERSON_GRADE, "young-person wording")
    for scale_id, scale in doc["scales"].items():
        for l_index, level in enumerate(scale.get("levels", [])):
            for key in ("descriptor", "next_step"):
                measure(
                    ("scales", scale_id, "levels", l_index, key),
                    level[key],
                    STAFF_GRADE,
                    "staff wording",
                )
    return problems


def check_file(path: Path) -> FrameworkFile:
    """Read and check one framework file; problems are listed on the result, never raised."""
    name = path.name
    result = FrameworkFile(path=path, data={})
    try:
        source = path.read_text(encoding="utf-8")
        raw = yaml.load(source, Loader=_NoDuplicatesLoader)  # noqa: S506 (a SafeLoader subclass)
        node = yaml.compose(source, Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as error:
        result.problems.append(
            Problem(name, None, "file", f"cannot read it: {error}.", "save it as UTF-8 text.")
        )
        return result
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        twice = "given twice" in str(error.problem)
        fix = (
            "keep only one of them." if twice else "check the indentation and quotes on that line."
        )
        result.problems.append(
            Problem(name, line, "file", f"this is not valid YAML: {error.problem}.", fix)
        )
        return result
    if not isinstance(raw, dict) or node is None:
        result.problems.append(
            Problem(
                name,
                1,
                "file",
                "the file is empty or not a mapping.",
                "start it with `framework:` (see FORMAT.md).",
            )
        )
        return result
    lines = _line_map(node)
    result.version_line = lines.get(("framework", "version"))
    errors = sorted(
        jsonschema.Draft202012Validator(_schema()).iter_errors(raw),
        key=lambda e: list(map(str, e.absolute_path)),
    )
    for schema_error in errors:
        message, fix = _schema_fix(schema_error)
        path_ = tuple(schema_error.absolute_path)
        result.problems.append(
            Problem(name, _line_for(lines, path_), _item_name(path_, raw), message, fix)
        )
    if result.problems:
        return result
    result.problems.extend(_rule_problems(raw, lines, name))
    if result.problems:
        return result
    result.data = _normalise(raw)
    result.problems.extend(wording_problems(result.data, lines, name))
    return result


def framework_files(folder: Path = DATA_DIR) -> list[Path]:
    return sorted(p for p in folder.glob("*.yaml") if p.name != COMMON_SCALES_FILE.name)
