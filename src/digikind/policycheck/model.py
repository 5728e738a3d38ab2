"""The sentence model: for each topic, how likely a sentence is to state a rule about it.

A linear model over words, word pairs and the topic's rule signals, trained on sentences that
careful readers quoted as rules in real policies (scripts/train-policy-model). Its weights are
the data file rules/sentence_model.json, so what it learned can be read and checked; a finding
still quotes the sentences it rests on.
"""

import json
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MODEL_FILE = Path(__file__).with_name("rules") / "sentence_model.json"


@dataclass(frozen=True)
class TopicModel:
    bias: float
    threshold: float
    weights: dict[str, float]

    def score(self, word_weights: list[float], signals: set[str]) -> float:
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
def _by_feature() -> tuple[list[str], dict[str, tuple[tuple[int, float], ...]]]:
    """The topics, and each feature the models know with the topics (by position) that
    weigh it and their weights."""
    topics = list(sentence_model())
    found: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for position, model in enumerate(sentence_model().values()):
        for feature, weight in model.weights.items():
            found[feature].append((position, weight))
    return topics, {feature: tuple(weights) for feature, weights in found.items()}


def word_weights(features: set[str]) -> dict[str, list[float]]:
    """The weights every topic's model gives a sentence's word features, looked up in one
    pass over the features rather than once per topic."""
    topics, by_feature = _by_feature()
    found: list[list[float]] = [[] for _ in topics]
    for feature in features:
        for position, weight in by_feature.get(feature, ()):
            found[position].append(weight)
    return dict(zip(topics, found, strict=True))
