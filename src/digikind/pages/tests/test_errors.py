from django.test import Client, override_settings

from digikind.test import BaseTestCase


class ErrorPagesTestCase(BaseTestCase):
    def test_a_missing_page_is_plain(self):
        r = self.client.get("/no/such/page/")
        self.assertContains(r, "Page not found", status_code=404)
        self.assertContains(r, "check it is right", status_code=404)

    def test_a_missing_csrf_token_explains_that_nothing_is_lost(self):
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.alice)
        r = client.post(
            f"/o/{self.org.slug}/members/invite/", {"email": "x@example.org", "role": "staff"}
        )
        self.assertContains(r, "Your form was not sent", status_code=403)
        self.assertContains(r, "Nothing has been lost", status_code=403)

    @override_settings(DEBUG=False)
    def test_a_server_error_is_plain(self):
        from digikind.pages import views

        request = self.client.get("/").wsgi_request
        r = views.server_error(request)
        self.assertEqual(r.status_code, 500)
        self.assertIn(b"Sorry, something went wrong", r.content)

    def test_opening_a_buttons_address_explains_itself(self):
        self.client.force_login(self.alice)
        r = self.client.get(f"/o/{self.org.slug}/invitations/1/revoke/")
        self.assertContains(r, "works only from a button", status_code=405)
        self.assertContains(r, "Nothing has changed", status_code=405)
