# Django's date format syntax: https://docs.djangoproject.com/en/5.2/ref/templates/builtins/#date
DATE_FORMAT = "j F Y"  # 21 November 2026
DATETIME_FORMAT = "j F Y, H:i"  # 21 November 2026, 14:05
