import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from digikind.vocabulary import ids


def label(topics, **flags):
    return {
        "file": "x.txt",
        "digital_scope": True,
        "topics": {t: topics.get(t, "missing") for t in ids("topics")},
        "flags": {
            "absent": False,
            "narrow": False,
            "out_of_date": False,
            "overly_restrictive": False,
            **flags,
        },
        "evidence": {},
    }


def test_it_prints_per_topic_scores_micro_f1_flags_and_disagreements(tmp_path):
    (tmp_path / "p1.txt").write_text("Policy\n\nConcerns must be reported to the DSL the same day.")
    (tmp_path / "p1.json").write_text(json.dumps(label({"reporting-concerns": "covered"})))
    (tmp_path / "p2.txt").write_text(
        "Policy\n\nStaff must keep a copy of all messages to young people."
    )
    (tmp_path / "p2.json").write_text(json.dumps(label({"training": "covered"}, absent=True)))
    out = StringIO()
    call_command("eval_policy", str(tmp_path), stdout=out)
    text = out.getvalue()
    assert "reporting-concerns" in text and "precision" in text and "recall" in text
    micro = [line for line in text.splitlines() if "micro" in line]
    assert len(micro) == 1 and "micro-F1" in micro[0]
    assert "out_of_date" in text and "accuracy" in text
    assert "p2.txt" in text and "training: check says missing, label says covered" in text


def test_an_empty_folder_is_explained(tmp_path):
    with pytest.raises(CommandError, match="no labelled policies"):
        call_command("eval_policy", str(tmp_path), stdout=StringIO())


def real_set(root, text, labelled, split="holdout"):
    """The real-policy layout: a manifest, texts kept apart, labels with offsets."""
    (root / "manifest").mkdir()
    (root / "texts").mkdir()
    (root / "labels" / "final").mkdir(parents=True)
    entry = {"id": "r001", "url": "https://x.test/p", "split": split}
    (root / "manifest" / "r.jsonl").write_text(json.dumps(entry) + "\n")
    (root / "texts" / "r001.txt").write_text(text)
    (root / "labels" / "final" / "r001.json").write_text(json.dumps(labelled))


def test_the_real_set_reads_its_split_and_quotes_evidence_from_offsets(tmp_path):
    text = "Policy\n\nStaff must keep a copy of all messages to young people."
    labelled = label({"training": "covered"})
    labelled["evidence_offsets"] = {"training": [8, 18]}
    real_set(tmp_path, text, labelled)
    out = StringIO()
    call_command("eval_policy", str(tmp_path), "--split", "holdout", stdout=out)
    assert "Policies compared: 1" in out.getvalue()
    assert "label: Staff must" in out.getvalue()
    with pytest.raises(CommandError, match="no labelled policies"):
        call_command("eval_policy", str(tmp_path), "--split", "dev", stdout=StringIO())


def test_a_missing_text_says_how_to_restore_it(tmp_path):
    real_set(tmp_path, "Policy\n\nText.", label({}))
    (tmp_path / "texts" / "r001.txt").unlink()
    with pytest.raises(CommandError, match="restore"):
        call_command("eval_policy", str(tmp_path), stdout=StringIO())


def test_two_label_folders_are_compared(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "p1.json").write_text(json.dumps(label({"training": "covered"})))
    (second / "p1.json").write_text(json.dumps(label({"training": "touched"}, narrow=True)))
    out = StringIO()
    call_command("eval_policy", "--agreement", str(first), str(second), stdout=out)
    printed = out.getvalue()
    assert "micro-F1 over all topics and files: 0.000" in printed
    assert "training: check says touched, label says covered" in printed
    assert "narrow: check says true, label says false" in printed
