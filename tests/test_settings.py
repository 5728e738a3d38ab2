"""The settings refuse to start insecurely; the production profile passes the deploy check."""

import os
import subprocess
import sys

import pytest

PRODUCTION = {
    "DIGIKIND_PROFILE": "production",
    "SECRET_KEY": "k" * 20 + "Zq8#vP2!mL5@xR9$wT3^yU7&bN1*cE4(dG6)hJ0-fA",
    "ALLOWED_HOSTS": "digikind.example.org",
    "DATABASE_URL": "sqlite:////tmp/digikind-deploy-check.sqlite3",
    "DIGIKIND_RECORDS_KEY": "r" * 20 + "Kx7#pQ2!vN9@wL4$zT6^mB1&cY8*hF3(dJ5)gS0-aE",
}


def digikind(*args, env):
    full_env = {
        k: v
        for k, v in os.environ.items()
        # A clean slate: none of Digikind's settings, nor the browser tests' async switch.
        if not k.startswith(
            ("DIGIKIND_", "SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "DEBUG", "DJANGO_")
        )
    }
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "-m", "digikind", *args],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_profile_passes_the_deploy_check_with_no_warnings():
    result = digikind("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION)
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DIGIKIND_RECORDS_KEY"]
)
def test_production_profile_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = digikind("check", env=env)
    assert result.returncode != 0
    assert missing in result.stderr


def test_a_secret_key_file_is_read(tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text(PRODUCTION["SECRET_KEY"])
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    env["SECRET_KEY_FILE"] = str(key_file)
    result = digikind("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stderr


def test_a_misspelt_switch_is_refused(tmp_path):
    result = digikind("check", env={"DEBUG": "yes please", "DIGIKIND_DATA_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_the_embedded_default_keeps_its_secret_key_in_the_data_folder(tmp_path):
    env = {"DIGIKIND_DATA_DIR": str(tmp_path)}
    assert digikind("check", env=env).returncode == 0
    key = (tmp_path / "secret_key").read_text()
    assert len(key) >= 50
    assert oct((tmp_path / "secret_key").stat().st_mode)[-3:] == "600"
    assert digikind("check", env=env).returncode == 0
    assert (tmp_path / "secret_key").read_text() == key


def test_the_command_accepts_hyphenated_names(tmp_path):
    result = digikind("demo-code", env={"DIGIKIND_DATA_DIR": str(tmp_path)})
    # The command is found (hyphen turned into underscore) and explains what to do first.
    assert "Run `digikind load-demo` first" in result.stderr


def test_production_static_files_collect_with_hashed_names(tmp_path):
    # Fails if a stylesheet refers to a file Digikind does not ship (e.g. GOV.UK's own images).
    env = {**PRODUCTION, "STATIC_ROOT": str(tmp_path / "static")}
    result = digikind("collectstatic", "--no-input", env=env)
    assert result.returncode == 0, result.stderr
    assert list((tmp_path / "static" / "digikind").glob("digikind.*.css.gz"))


def test_production_shares_its_cache_through_the_database(tmp_path):
    """Sign-in rate limits and used two-factor codes live in the cache: in production every
    app server must see the same one, so it is kept in the database `migrate` prepares."""
    env = {**PRODUCTION, "DATABASE_URL": f"sqlite:///{tmp_path}/shared.sqlite3"}
    assert digikind("migrate", "-v", "0", env=env).returncode == 0
    script = (
        "from django.core.cache import cache; from django.conf import settings; "
        "print(settings.CACHES['default']['BACKEND']); cache.set('seen', 'by every server')"
    )
    first = digikind("shell", "-v", "0", "-c", script, env=env)
    assert "DatabaseCache" in first.stdout, first.stderr
    second = digikind(
        "shell",
        "-v",
        "0",
        "-c",
        "from django.core.cache import cache; print(cache.get('seen'))",
        env=env,
    )
    assert second.stdout.strip() == "by every server", second.stderr
