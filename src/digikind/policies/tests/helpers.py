"""What the policy tests share: an upload through the real form, files kept in a temporary
folder, and a way to make any upload go the background way."""

import shutil
import tempfile
from pathlib import Path
from unittest import mock

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from digikind.test import BaseTestCase


class PolicyTestCase(BaseTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.uploads_dir = Path(tempfile.mkdtemp(prefix="digikind-uploads-"))
        self.addCleanup(shutil.rmtree, self.uploads_dir, ignore_errors=True)
        storages = {
            "default": {
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {"location": str(self.uploads_dir)},
            },
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        overridden = override_settings(STORAGES=storages)
        overridden.enable()
        self.addCleanup(overridden.disable)
        self.url = f"/o/{self.org.slug}/policy/"
        self.client.force_login(self.alice)

    def upload(self, *files: tuple[str, bytes], follow: bool = False):  # type: ignore[no-untyped-def]
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(
                self.url,
                {"policy_files": [SimpleUploadedFile(name, data) for name, data in files]},
                follow=follow,
            )

    def in_the_background(self):  # type: ignore[no-untyped-def]
        """Send every upload to the background task, as a big one would be."""
        return mock.patch("digikind.policies.services.READ_NOW_BYTES", 0)

    def stored_files(self) -> list[Path]:
        return [p for p in self.uploads_dir.rglob("*") if p.is_file()]
