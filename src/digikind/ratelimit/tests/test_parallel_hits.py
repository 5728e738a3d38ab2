"""The counter is raised atomically in the database: parallel hits never pass the limit, on
SQLite and on PostgreSQL, from the counter up and through the review link itself."""

import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connection
from django.test import Client, TransactionTestCase, override_settings

from digikind import ratelimit
from digikind.orgs import services as org_services
from digikind.reviews.models import Response
from digikind.reviews.tests.helpers import start

THREADS = 10


def in_parallel(count: int, work) -> list:
    """Run `work` `count` times (a multiple of THREADS), THREADS at a time released together;
    each thread closes its own database connection."""
    gate = threading.Barrier(THREADS)

    def one(_number: int):
        try:
            gate.wait(timeout=30)
            return work()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return list(pool.map(one, range(count)))


class ParallelHitsTestCase(TransactionTestCase):
    def test_80_parallel_hits_on_a_limit_of_60_let_exactly_60_through(self):
        passed = in_parallel(80, lambda: ratelimit.allow("parallel-test", 60, 3600))
        self.assertEqual(passed.count(True), 60)
        self.assertEqual(passed.count(False), 20)

    def test_other_keys_and_windows_count_apart(self):
        self.assertTrue(ratelimit.allow("one", 1, 3600))
        self.assertFalse(ratelimit.allow("one", 1, 3600))
        self.assertTrue(ratelimit.allow("two", 1, 3600))

    @override_settings(REVIEW_STARTS_PER_HOUR=20)
    def test_parallel_starts_through_a_review_link_stop_at_the_limit(self):
        cycle = start(org_services.create_organisation("Busy Club"))
        url = f"/r/{cycle.links.get(role='staff').token}/"
        statuses = in_parallel(30, lambda: Client().post(url).status_code)
        self.assertEqual(statuses.count(302), 20)
        self.assertEqual(statuses.count(429), 10)
        self.assertEqual(Response.objects.count(), 20)
