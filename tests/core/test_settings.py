"""Settings come from the environment; production refuses unsafe configurations."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from oipa.env import env_bool, env_int

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    inherited = ("SECRET_KEY", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    full_env = {k: v for k, v in os.environ.items() if k not in inherited}
    full_env.update(env)
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_malformed_booleans_fail_loudly(monkeypatch):
    monkeypatch.setenv("X_FLAG", "perhaps")
    with pytest.raises(ImproperlyConfigured):
        env_bool("X_FLAG")


def test_integers_below_their_minimum_fail_loudly(monkeypatch):
    monkeypatch.setenv("X_NUM", "30")
    with pytest.raises(ImproperlyConfigured):
        env_int("X_NUM", 365, minimum=365)


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_manage("check", OIPA_ENV="production", OIPA_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        OIPA_ENV="production",
        SECRET_KEY="k" * 20 + "-production-secret-key-for-tests-0123456789",
        ALLOWED_HOSTS="oipa.example.cn",
        OIPA_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr


def test_a_local_secret_key_is_generated_once_into_var(tmp_path):
    for _ in range(2):
        result = run_manage("check", OIPA_VAR_DIR=str(tmp_path))
        assert result.returncode == 0, result.stderr
    key_file = tmp_path / "secret_key"
    assert key_file.exists() and len(key_file.read_text()) > 40


def test_a_malformed_database_url_stops_start_up(tmp_path):
    result = run_manage("check", DATABASE_URL="nosuchdb://x", OIPA_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
