"""allauth's own words that appear on our sign-in and two-factor pages.

allauth has no Welsh translation, so these are listed here for `makemessages` to put in
our Welsh file (our translations win over any app's). Never imported: listing is enough.
"""

from django.utils.translation import gettext_noop

ALLAUTH_TEXTS = [
    gettext_noop("Password"),
    gettext_noop("Code"),
    gettext_noop("The email address and/or password you specified are not correct."),
    gettext_noop("Too many failed login attempts. Try again later."),
    gettext_noop("Incorrect code."),
    gettext_noop("You have signed out."),
    gettext_noop("Successfully signed in as %(name)s."),
    gettext_noop("Authenticator app activated."),
    gettext_noop("Use your password"),
    gettext_noop("Use authenticator app or code"),
]
