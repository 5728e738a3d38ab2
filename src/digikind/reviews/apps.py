from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "digikind.reviews"
    label = "reviews"
    verbose_name = "Reviews"
