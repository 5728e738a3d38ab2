app_name = "funders"

urlpatterns: list = []
