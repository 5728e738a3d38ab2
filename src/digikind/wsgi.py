"""The WSGI entry point gunicorn serves: `gunicorn digikind.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digikind.settings")
application = get_wsgi_application()
