from django.urls import path

from digikind.reports import views

app_name = "reports"

urlpatterns = [
    path("o/<slug:org_slug>/board-report/", views.board, name="board"),
    path("o/<slug:org_slug>/board-report/board-report.pdf", views.board_pdf, name="board_pdf"),
]
