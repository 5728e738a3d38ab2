"""The address rate limits count by: the connection's own, unless it is a trusted proxy."""

from django.test import RequestFactory, SimpleTestCase, override_settings

from digikind.ratelimit import client_address

PROXY = "10.0.0.2"


def request(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


class ClientAddressTestCase(SimpleTestCase):
    def test_without_trusted_proxies_the_header_is_ignored(self):
        self.assertEqual(client_address(request("203.0.113.9", "1.2.3.4")), "203.0.113.9")

    @override_settings(TRUSTED_PROXIES=["10.0.0.0/24"])
    def test_behind_a_trusted_proxy_the_right_most_untrusted_address_counts(self):
        # The client wrote "6.6.6.6" itself; the proxy added the address it really saw.
        r = request(PROXY, "6.6.6.6, 198.51.100.7")
        self.assertEqual(client_address(r), "198.51.100.7")
        r = request(PROXY, "198.51.100.7, 10.0.0.5")  # two proxies deep
        self.assertEqual(client_address(r), "198.51.100.7")

    @override_settings(TRUSTED_PROXIES=["10.0.0.0/24"])
    def test_a_request_not_from_a_proxy_cannot_choose_its_address(self):
        self.assertEqual(client_address(request("198.51.100.7", "1.2.3.4")), "198.51.100.7")

    @override_settings(TRUSTED_PROXIES=["10.0.0.0/24"])
    def test_a_garbled_header_falls_back_to_the_proxy(self):
        self.assertEqual(client_address(request(PROXY, "not-an-address")), PROXY)
        self.assertEqual(client_address(request(PROXY)), PROXY)
