"""The application factory and configuration."""

from __future__ import annotations

import pytest
from flask import Flask

from app import create_app
from config import DevelopmentConfig, ProductionConfig, TestingConfig, config_from_env


def test_testing_config_marks_app_as_testing(app: Flask) -> None:
    assert app.testing
    assert app.config["ENV_NAME"] == "testing"


def test_production_refuses_to_start_without_secret_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY is not set"):
        create_app(ProductionConfig())


def test_production_reads_secret_and_database_from_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    monkeypatch.setenv("SECRET_KEY", "s3cret-from-env")
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'x.sqlite3'}")
    monkeypatch.setenv("EMBEDDING_MODEL", "some/other-model")
    app = create_app(ProductionConfig())
    assert app.config["SECRET_KEY"] == "s3cret-from-env"
    assert app.config["DATABASE_URL"].endswith("x.sqlite3")
    assert app.config["EMBEDDING_MODEL"] == "some/other-model"
    assert not app.testing


def test_development_has_a_throwaway_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    assert DevelopmentConfig().SECRET_KEY
    assert TestingConfig().SECRET_KEY


def test_default_database_is_a_sqlite_file_under_instance(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    url = DevelopmentConfig().DATABASE_URL
    assert url.startswith("sqlite:///") and "/instance/" in url


def test_unknown_environment_name_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QB_ENV", "staging")
    with pytest.raises(RuntimeError, match="QB_ENV must be one of"):
        config_from_env()


def test_factory_points_flask_at_top_level_folders(app: Flask) -> None:
    assert app.template_folder.endswith("templates")
    assert app.static_folder.endswith("static")
    assert not app.template_folder.startswith(app.root_path + "/templates")


def test_responses_carry_secure_headers(client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(("proxies", "seen"), [(0, "127.0.0.1"), (1, "203.0.113.7")])
def test_forwarded_addresses_are_trusted_only_behind_configured_proxies(
    database_url, proxies, seen
) -> None:
    from flask import request

    from app.db import get_engine

    config = TestingConfig(database_url=database_url)
    config.TRUSTED_PROXIES = proxies
    application = create_app(config)
    application.add_url_rule("/whoami", "whoami", lambda: request.remote_addr or "")
    response = application.test_client().get("/whoami", headers={"X-Forwarded-For": "203.0.113.7"})
    assert response.text == seen
    get_engine(application).dispose()
