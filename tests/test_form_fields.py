from django import forms
from django.test import SimpleTestCase

from digikind.form_fields import DateField


class Form(forms.Form):
    day = DateField(error_messages={"required": "Enter a day"})


class DateFieldTestCase(SimpleTestCase):
    def test_a_date_that_does_not_exist_gets_a_plain_message(self):
        form = Form({"day": "2027-02-31"})
        self.assertEqual(form.errors["day"], ["Enter a real date, for example 30/06/2027"])

    def test_its_own_messages_stay_beside_the_shared_one(self):
        self.assertEqual(Form({}).errors["day"], ["Enter a day"])

    def test_it_uses_the_browsers_date_box(self):
        self.assertIn('type="date"', str(Form()["day"]))
