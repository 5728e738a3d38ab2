"""Locust users for bench/reviews.py: respondents answering a question, and a trivial view.

BENCH_TOKEN is an open review link's token. Each respondent starts its own response (its
own cookie), then sends its answer to the first question again and again, as someone going
back and changing their mind does: every request is a real write.
"""

import os
import re

from locust import FastHttpUser, constant, task

TOKEN = os.environ.get("BENCH_TOKEN", "")
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VALUE = re.compile(r'name="value" type="radio" value="([^"]+)"')


class Respondent(FastHttpUser):
    wait_time = constant(0)

    def on_start(self) -> None:
        start = f"/r/{TOKEN}/"
        page = self.client.get(start, name="start page").text
        self.client.post(
            start,
            data={"csrfmiddlewaretoken": CSRF.search(page).group(1)},
            headers={"Referer": f"{self.host}{start}"},
            name="start",
        )
        self.path = f"/r/{TOKEN}/q/1/"
        page = self.client.get(self.path, name="question page").text
        self.csrf = CSRF.search(page).group(1)
        self.value = VALUE.search(page).group(1)

    @task
    def answer(self) -> None:
        with self.client.post(
            self.path,
            data={"csrfmiddlewaretoken": self.csrf, "value": self.value, "comment": "bench"},
            headers={"Referer": f"{self.host}{self.path}"},
            allow_redirects=False,
            name="answer",
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"answer not saved: {response.status_code}")


class Trivial(FastHttpUser):
    wait_time = constant(0)

    @task
    def healthz(self) -> None:
        self.client.get("/healthz", name="trivial")
