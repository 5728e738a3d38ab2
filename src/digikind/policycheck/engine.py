"""The policy check: documents in, findings out. No Django here.

Every finding rests on sentences quoted from the policy, so a person can check it.
"""

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from re import Pattern

from digikind import readability
from digikind.policycheck.document import Document, Sentence
from digikind.policycheck.fast_search import finds, join, needs_of
from digikind.policycheck.features import sentence_features, tokens
from digikind.policycheck.language import is_welsh
from digikind.policycheck.model import sentence_model, word_weights
from digikind.policycheck.report import (
    Evidence,
    FailingFinding,
    Readability,
    Report,
    ReviewDate,
    SectionReading,
    TermFinding,
    TopicFinding,
)
from digikind.policycheck.review_date import next_review
from digikind.policycheck.rules import PlainWord, Rules, TopicRule, matches, normalise, rules
from digikind.policycheck.sentences import sentences_of
from digikind.vocabulary import names

MAX_EVIDENCE = 3
DIGITAL_DOCUMENT_SHARE = 0.3


def evidence(sentence: Sentence) -> Evidence:
    return Evidence(sentence.text, sentence.where(), sentence.document)


@dataclass
class Reading:
    """A policy read sentence by sentence, with what the rules see in each sentence."""

    title: str
    sentences: list[Sentence]
    headings: list[tuple[str, str]]
    texts: list[str]  # normalised for the rules
    digital_scope: bool
    in_digital_context: list[bool]
    is_rule: list[bool]
    main_clauses: list[str]
    words: list[set[str]]  # the sentence model's word features
    word_weights: list[dict[str, tuple[float, ...]]]  # and each topic's weights for them
    may_mention: list[set[str]]  # the topics whose patterns may match (no others can)


def read(documents: list[Document], r: Rules, sentences: list[Sentence]) -> Reading:
    headings = [
        (b.text, d.name)
        for d in documents
        for b in d.blocks
        if b.is_heading and not _furniture(b.text, r)
    ]
    title = " / ".join(d.title for d in documents if d.title)[:300]
    texts = [normalise(s.text) for s in sentences]
    digital_sentence = [matches(r.digital, t) for t in texts]
    digital_scope = bool(sentences) and (
        matches(r.digital, title)
        or sum(digital_sentence) >= DIGITAL_DOCUMENT_SHARE * len(sentences)
    )
    digital_sections = _digital_sections(sentences, digital_sentence, r)
    heading_words = {s.section: tokens(s.section) for s in sentences}  # once per section
    words = [
        sentence_features(tokens(t), heading_words[s.section])
        for t, s in zip(texts, sentences, strict=True)
    ]
    return Reading(
        title=title,
        sentences=sentences,
        headings=headings,
        texts=texts,
        digital_scope=digital_scope,
        in_digital_context=[
            digital_scope or digital_sentence[i] or s.section in digital_sections
            for i, s in enumerate(sentences)
        ],
        is_rule=_rules_with_lead_ins(sentences, texts, r),
        main_clauses=[_main_clause(t, r) for t in texts],
        words=words,
        word_weights=[word_weights(w) for w in words],
        may_mention=_may_mention(texts, r),
    )


def _may_mention(texts: list[str], r: Rules) -> list[set[str]]:
    """For each sentence, the topics whose patterns it may match, found for all topics in
    one look, so a topic's searches are skipped where they cannot match."""
    owners = [t.id for t in r.topics for _pattern in t.any_of_them]
    topics = needs_of(tuple((p.pattern, p.flags) for t in r.topics for p in t.any_of_them))
    return [{owners[k] for k in topics.may_match(text)} for text in texts]


def policy_sentences(documents: list[Document], r: Rules) -> list[Sentence]:
    """The policy's own sentences: site furniture (menus, cookie notices, share buttons)
    is never read as policy, so it is never evidence."""

    def states_something(heading: str) -> bool:
        return matches(r.record_lines, normalise(heading))

    return [
        s for d in documents for s in sentences_of(d, states_something) if not _furniture(s.text, r)
    ]


def _furniture(text: str, r: Rules) -> bool:
    return matches(r.furniture, normalise(text).strip())


def check(documents: Iterable[Document], today: date | None = None) -> Report:
    """Check one policy, or several files read together as an organisation's policy set."""
    documents = list(documents)
    r = rules()
    notes = [note for d in documents for note in d.notes]
    sentences = policy_sentences(documents, r)
    title = " / ".join(d.title for d in documents if d.title)[:300]

    welsh = [s for s in sentences if is_welsh(s.text)]
    if sentences and len(welsh) > 0.6 * len(sentences):
        notes.append(
            "This policy looks like it is written in Welsh. Digikind cannot check a Welsh "
            "policy yet: its topic rules, its reading-age measure and its sentence model are "
            "all built from English policies, so on Welsh text they would miss most topics and "
            "give wrong scores. We have not guessed. If you have an English version, upload "
            "that; if your Welsh and English versions differ, check the Welsh one by hand "
            "against the topics listed for the English one."
        )
        return _empty_report(documents, title, "cy", sentences, notes)
    if welsh:
        notes.append(
            f"{len(welsh)} sentences look like Welsh. Digikind cannot check Welsh text yet "
            "(its rules are built from English policies), so we checked the English text only."
        )
        sentences = [s for s in sentences if s not in welsh]

    reading = read(documents, r, sentences)
    topics = [_topic(topic_rule, reading) for topic_rule in r.topics]
    failings = [
        _absent(sentences, reading.is_rule, r),
        _narrow(sentences, reading.is_rule, reading.title, r),
        _out_of_date(sentences, r),
        _overly_restrictive(sentences, r),
    ]
    return Report(
        documents=[d.name for d in documents],
        title=reading.title,
        language="en",
        words=sum(len(readability.words(s.text)) for s in sentences),
        sentences=len(sentences),
        digital_scope=reading.digital_scope,
        topics=topics,
        failings=failings,
        readability=_readability(sentences, r) if sentences else None,
        notes=notes,
        review_date=_review_date(sentences, today or date.today()),
    )


def _review_date(sentences: list[Sentence], today: date) -> ReviewDate | None:
    found = next_review(sentences)
    if found is None:
        return None
    due, sentence = found
    when = f"{due:%d %B %Y}".lstrip("0")
    if due < today:
        message = (
            f"The policy says it should have been reviewed by {when}. That date has passed: "
            "review it, and write the new date in."
        )
    else:
        message = f"The policy says it will be reviewed by {when}."
    return ReviewDate(due.isoformat(), due < today, evidence(sentence), message)


def _empty_report(
    documents: list[Document],
    title: str,
    language: str,
    sentences: list[Sentence],
    notes: list[str],
) -> Report:
    topic_names = names("topics")
    return Report(
        documents=[d.name for d in documents],
        title=title,
        language=language,
        words=sum(len(readability.words(s.text)) for s in sentences),
        sentences=len(sentences),
        digital_scope=False,
        topics=[TopicFinding(t, topic_names[t], "missing") for t in topic_names],
        failings=[
            FailingFinding(f, n, False, ["Not checked: the text is not in English."])
            for f, n in names("policy_failings").items()
        ],
        readability=None,
        notes=notes,
    )


def _digital_sections(
    sentences: list[Sentence], digital_sentence: list[bool], r: Rules
) -> set[str]:
    by_section: dict[str, list[bool]] = defaultdict(list)
    for sentence, digital in zip(sentences, digital_sentence, strict=True):
        by_section[sentence.section].append(digital)
    return {
        section
        for section, flags in by_section.items()
        if section and (matches(r.digital, section) or sum(flags) >= 0.5 * len(flags))
    }


def _rules_with_lead_ins(sentences: list[Sentence], texts: list[str], r: Rules) -> list[bool]:
    """Which sentences state a rule. List items after a lead-in such as "Staff must:" take
    the lead-in's rule, as a reader would."""
    is_rule = [matches(r.rule, t) for t in texts]
    lead_in: int | None = None
    for i, text in enumerate(texts):
        if lead_in is not None and (
            sentences[i].section != sentences[lead_in].section or i - lead_in > 12
        ):
            lead_in = None
        if lead_in is not None and len(text.split()) <= 40:
            is_rule[i] = True
        if is_rule[i] and text.rstrip().endswith(":"):
            lead_in = i
    return is_rule


def _main_clause(text: str, r: Rules) -> str:
    """The sentence without its purpose clause ("..., so that ...")."""
    for pattern in r.purpose:
        found = pattern.search(text)
        if found and found.start() > 0:
            return text[: found.start()]
    return text


def signals(
    rule: TopicRule, text: str, main_clause: str, is_rule: bool, context_ok: bool
) -> set[str]:
    """Which of a topic's rules one sentence matches: the rules' own verdict, and what the
    sentence model weighs beside its words."""
    found = _own_signals(is_rule, context_ok)
    if not matches(rule.any_of_them, text):
        return found
    if matches(rule.ignore, text):
        return found | {"r:ignore"}
    if matches(rule.statements, text):
        found.add("r:statement")
        if context_ok:
            found.add("r:covered")
    if matches(rule.cues, text):
        found.add("r:cue")
        demoted = matches(rule.demote, text)
        if demoted:
            found.add("r:demote")
        if is_rule and context_ok and not demoted and matches(rule.cues, main_clause):
            found.add("r:covered")
        else:
            found.add("r:touched")
    elif matches(rule.touch_only, text):
        found.add("r:touched")
    return found


def _own_signals(is_rule: bool, context_ok: bool) -> set[str]:
    """What the sentence model weighs of a sentence whatever the topic's patterns say."""
    found = {"r:rule"} if is_rule else set()
    if context_ok:
        found.add("r:context")
    return found


def sentence_signals(rule: TopicRule, reading: Reading, i: int) -> set[str]:
    context_ok = not rule.digital or reading.in_digital_context[i]
    if rule.id not in reading.may_mention[i]:
        return _own_signals(reading.is_rule[i], context_ok)  # no search would match
    return signals(rule, reading.texts[i], reading.main_clauses[i], reading.is_rule[i], context_ok)


def _topic(rule: TopicRule, reading: Reading) -> TopicFinding:
    name = names("topics")[rule.id]
    model = sentence_model().get(rule.id)
    covered: list[Evidence] = []
    touched: list[Evidence] = []
    scored: list[tuple[float, int]] = []
    sentences = reading.sentences
    for i, sentence in enumerate(sentences):
        found = sentence_signals(rule, reading, i)
        if "r:covered" in found:
            covered.append(evidence(sentence))
        elif "r:touched" in found:
            touched.append(evidence(sentence))
        if model is not None:
            scored.append((model.score(reading.word_weights[i].get(rule.id, ()), found), i))
    if model is not None:
        # The model decides which sentences state a rule; the rules' finds are mentions.
        touched = covered + touched
        best = sorted((p for p in scored if p[0] >= model.threshold), reverse=True)
        covered = [evidence(sentences[i]) for _score, i in best]
    if covered:
        return TopicFinding(rule.id, name, "covered", covered[:MAX_EVIDENCE])
    for heading, document in reading.headings:
        if matches(rule.cues, normalise(heading)):
            touched.append(Evidence(heading, "heading", document))
    if touched:
        return TopicFinding(rule.id, name, "touched", touched[:MAX_EVIDENCE])
    return TopicFinding(rule.id, name, "missing")


def _failing(
    failing_id: str, flagged: bool, reasons: list[str], found: list[Evidence]
) -> FailingFinding:
    return FailingFinding(
        failing_id, names("policy_failings")[failing_id], flagged, reasons, found[:MAX_EVIDENCE]
    )


def _absent(sentences: list[Sentence], is_rule: list[bool], r: Rules) -> FailingFinding:
    texts = [normalise(s.text) for s in sentences]
    contact = [
        s
        for i, s in enumerate(sentences)
        if _is_contact_with_young_people(texts[i], texts[i - 1] if i else "", is_rule[i], r)
    ]
    if contact:
        return _failing("absent", False, [], [evidence(s) for s in contact])
    reason = (
        "No sentence says how staff or volunteers may be in touch with young people "
        "online or by phone."
    )
    return _failing("absent", True, [reason], [])


def _is_contact_with_young_people(text: str, before: str, is_rule: bool, r: Rules) -> bool:
    """Whether a sentence is about the organisation's adults and young people being in touch
    online or by phone (the rules and their reasons are in absent.yaml)."""
    if not (matches(r.contact, text) and matches(r.digital, text)):
        return False
    names_young_people = matches(r.young_people, text)
    if not (names_young_people or matches(r.young_people, before)):
        return False
    if not (is_rule or names_young_people) or matches(r.not_contact, text):
        return False
    if matches(r.young_person_subject, text) and not matches(r.adult, text):
        return False
    return not (matches(r.image, text) and not matches(r.direct_contact, text))


def _situations(sentences: list[Sentence], is_rule: list[bool], r: Rules) -> list[str]:
    """The single situations ("photos", "phones") that every digital rule is about, if any."""
    digital_rules = [
        s.text
        for i, s in enumerate(sentences)
        if is_rule[i]
        and (matches(r.digital, s.text) or any(finds(p, s.text) for p in r.situations.values()))
    ]
    if not digital_rules:
        return []
    situations = [
        name
        for name, pattern in r.situations.items()
        if any(finds(pattern, t) for t in digital_rules)
    ]
    every_rule_is_a_situation = all(
        any(finds(r.situations[n], t) for n in situations) for t in digital_rules
    )
    return situations if every_rule_is_a_situation else []


def _narrow(sentences: list[Sentence], is_rule: list[bool], title: str, r: Rules) -> FailingFinding:
    digital_rules = [
        s
        for i, s in enumerate(sentences)
        if is_rule[i]
        and (
            matches(r.digital, normalise(s.text))
            or any(finds(p, s.text) for p in r.situations.values())
        )
    ]
    if not digital_rules:
        return _failing("narrow", False, [], [])
    found = [evidence(s) for s in digital_rules]
    situations = _situations(sentences, is_rule, r)
    if situations:
        return _failing(
            "narrow", True, [f"Its only digital rules are about {' and '.join(situations)}."], found
        )
    platforms = sorted(
        {name for s in digital_rules for name, p in r.platforms.items() if finds(p, s.text)}
    )
    in_title = sorted(name for name, p in r.platforms.items() if finds(p, title))
    general = any(matches(r.general_digital, normalise(s.text)) for s in digital_rules)
    if (1 <= len(platforms) <= 2 and not general) or 1 <= len(in_title) <= 2:
        named = " and ".join(in_title or platforms)
        return _failing(
            "narrow",
            True,
            [
                f"Its digital rules are about {named} only, with no rule that would "
                "apply to other apps or channels."
            ],
            found,
        )
    return _failing("narrow", False, [], [])


def _any_of(patterns: Iterable[Pattern[str]]) -> Pattern[str]:
    return join([p.pattern for p in patterns], re.IGNORECASE)


def _out_of_date(sentences: list[Sentence], r: Rules) -> FailingFinding:
    text = " ".join(s.text for s in sentences)
    modern_anywhere = matches(r.current, text)
    # One search finds the few sentences worth checking item by item.
    any_obsolete = _any_of(item.pattern for item in r.obsolete)
    sentences = [s for s in sentences if finds(any_obsolete, s.text)]
    reasons: list[str] = []
    found: list[Evidence] = []
    strong_hits = [
        (item, s)
        for s in sentences
        for item in r.obsolete
        if not item.weak and finds(item.pattern, s.text)
    ]
    for item in r.obsolete:
        hits = [
            s
            for s in sentences
            if finds(item.pattern, s.text) and not matches(r.historical, s.text)
        ]
        if not hits:
            continue
        if item.name == "CRB checks" and "dbs" in text.lower():
            continue
        if item.name == "chat rooms" and modern_anywhere:
            continue
        if item.weak and item.name not in ("CRB checks", "chat rooms"):
            continue
        if not item.weak and len(strong_hits) == 1 and _listed_with_current(hits[0].text, r):
            continue  # one old example in a list of current ones
        reasons.append(
            f"It relies on {item.name}, out of use since about {item.ended}. "
            f"Today that means {item.now}."
        )
        found.extend(evidence(s) for s in hits[:1])
    return _failing("out-of-date", bool(reasons), reasons, found)


def _listed_with_current(text: str, r: Rules) -> bool:
    return sum(len(p.findall(text)) for p in r.current) >= 2


def _overly_restrictive(sentences: list[Sentence], r: Rules) -> FailingFinding:
    reasons: list[str] = []
    found: list[Evidence] = []
    texts = [normalise(s.text) for s in sentences]
    if any(matches(r.alternatives, t) for t in texts):
        # The policy gives young people another way to reach staff somewhere, so no ban is total.
        return _failing("overly-restrictive", False, [], [])
    for i, text in enumerate(texts):
        if not (matches(r.ban, text) and matches(r.ban_scope, text) and matches(r.blanket, text)):
            continue
        if matches(r.targeted, text) or matches(r.mitigation, " ".join(texts[i : i + 2])):
            continue
        found.append(evidence(sentences[i]))
    if found:
        reasons.append(
            "It bans digital contact or use outright, with no reason, exception or other way "
            "for young people to reach staff."
        )
    return _failing("overly-restrictive", bool(found), reasons, found)


def _readability(sentences: list[Sentence], r: Rules) -> Readability:
    text = " ".join(s.text if s.text.endswith((".", "!", "?")) else s.text + "." for s in sentences)
    grade = readability.flesch_kincaid_grade(text)
    by_section: dict[str, list[str]] = defaultdict(list)
    for sentence in sentences:
        by_section[sentence.section or "Start of the document"].append(
            sentence.text if sentence.text.endswith((".", "!", "?")) else sentence.text + "."
        )
    sections = []
    for section, texts in by_section.items():
        joined = " ".join(texts)
        words = len(readability.words(joined))
        if words >= 15:
            section_grade = readability.flesch_kincaid_grade(joined)
            sections.append(
                SectionReading(
                    section, section_grade, readability.reading_age(section_grade), words
                )
            )
    longest = sorted(sentences, key=lambda s: len(readability.words(s.text)), reverse=True)[:5]
    readers, struggle = _audiences(grade)
    return Readability(
        grade=grade,
        age=readability.reading_age(grade),
        readers=readers,
        struggle=struggle,
        sections=sections,
        longest_sentences=[evidence(s) for s in longest if len(readability.words(s.text)) >= 20],
        vague_terms=_terms(r.vague, sentences),
        jargon=_terms(r.jargon, sentences),
    )


AUDIENCES = [
    (6.0, "a 12-year-old"),
    (7.5, "a 13-year-old"),
    (9.0, "a new volunteer"),
    (12.0, "most adults"),
]


def _audiences(grade: float) -> tuple[list[str], list[str]]:
    readers = [who for bar, who in AUDIENCES if grade <= bar]
    struggle = [who for bar, who in AUDIENCES if grade > bar]
    return readers, struggle


def _terms(words: tuple[PlainWord, ...], sentences: list[Sentence]) -> list[TermFinding]:
    if not words:
        return []
    any_word = _any_of(w.pattern for w in words)
    sentences = [s for s in sentences if finds(any_word, s.text)]
    found = []
    for word in words:
        hits = [s for s in sentences if finds(word.pattern, s.text)]
        if hits:
            found.append(
                TermFinding(
                    word.term, word.instead, len(hits), [evidence(s) for s in hits[:MAX_EVIDENCE]]
                )
            )
    return sorted(found, key=lambda t: -t.count)
