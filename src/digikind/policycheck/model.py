"""The sentence model: for each topic, how likely a sentence is to state a rule about it.

A linear model over words, word pairs and the topic's rule signals, trained on sentences that
careful readers quoted as rules in real policies (scripts/train-policy-model). Its weights are
the data file rules/sentence_model.json, so what it learned can be read and checked; a finding
still quotes the sentences it rests on.
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MODEL_FILE = Path(__file__).with_name("rules") / "sentence_model.json"


@dataclass(frozen=True)
class TopicModel:
    bias: float
    threshold: float
    weights: dict[str, float]

    def score(self, features: set[str]) -> float:
        # Look up the smaller side: a sentence has far fewer features than the model knows.
        # fsum adds exactly, so the total does not depend on the order a set gives its
        # features (it varies from run to run) and equal totals stay equal.
        weights = self.weights
        total = math.fsum([self.bias, *(weights[f] for f in features if f in weights)])
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, total))))


@cache
def sentence_model() -> dict[str, TopicModel]:
    """Each topic's model, or none at all when the data file is absent."""
    if not MODEL_FILE.exists():
        return {}
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    return {
        topic: TopicModel(float(m["bias"]), float(m["threshold"]), dict(m["weights"]))
        for topic, m in data["topics"].items()
    }
