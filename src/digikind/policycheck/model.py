"""The sentence model: for each topic, how likely a sentence is to state a rule about it.

A linear model over words, word pairs and the topic's rule signals, trained on sentences that
careful readers quoted as rules in real policies (scripts/train-policy-model). Its weights are
the data file rules/sentence_model.json, so what it learned can be read and checked; a finding
still quotes the sentences it rests on.
"""

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MODEL_FILE = Path(__file__).with_name("rules") / "sentence_model.json"


@dataclass(frozen=True)
class TopicModel:
    bias: float
    threshold: float
    weights: dict[str, float]

    def score(self, word_weights: Sequence[float], signals: set[str]) -> float:
        """How likely a sentence is to state a rule about the topic, from the weights of its
        words (`word_weights`) and the topic's rule signals it has."""
        # fsum adds exactly, so the total does not depend on the order a set gives its
        # features (it varies from run to run) and equal totals stay equal.
        weights = self.weights
        total = math.fsum(
            [self.bias, *word_weights, *(weights[s] for s in signals if s in weights)]
        )
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


@cache
def _weights_by_feature() -> tuple[list[str], dict[str, tuple[float, ...]]]:
    """The topics, and for each feature any model knows, every topic's weight for it (0.0
    where a topic's model does not weigh it)."""
    models = sentence_model()
    features = {feature for model in models.values() for feature in model.weights}
    return list(models), {
        feature: tuple(model.weights.get(feature, 0.0) for model in models.values())
        for feature in features
    }


def word_weights(features: set[str]) -> dict[str, tuple[float, ...]]:
    """The weights every topic's model gives a sentence's word features, looked up once for
    all topics rather than once per topic. The 0.0 weights of words a topic's model does not
    know add nothing to its exact sum."""
    topics, by_feature = _weights_by_feature()
    rows = [by_feature[feature] for feature in features if feature in by_feature]
    if not rows:
        return {topic: () for topic in topics}
    return dict(zip(topics, zip(*rows, strict=True), strict=True))
