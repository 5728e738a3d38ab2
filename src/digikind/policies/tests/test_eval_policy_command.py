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
