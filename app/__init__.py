"""Question Bank: the Flask application factory."""

from __future__ import annotations

from importlib import import_module

from flask import Flask, Response

from config import ROOT, Config, config_from_env

# Each feature's package (which makes its ``bp``) and where its pages live.
BLUEPRINTS = (
    ("app.main", ""),
    ("app.auth", "/auth"),
    ("app.organisation", "/organisation"),
    ("app.questions", "/questions"),
    ("app.questions.imports", "/import"),
    ("app.clusters", "/groups"),
    ("app.datasets", "/datasets"),
    ("app.pledges", "/pledges"),
    ("app.partnerships", "/partnerships"),
    ("app.notifications", "/notifications"),
    ("app.workshops", "/workshops"),
    ("app.opendata", "/open-data"),
    ("app.admin", "/admin"),
    ("app.tools", "/tools"),
    ("app.api", "/api/v1"),
)


def create_app(config: Config | None = None) -> Flask:
    """Build the application for a configuration (read from the environment when omitted)."""
    config = config or config_from_env()
    config.validate()

    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(ROOT / "static"),
        instance_path=str(ROOT / "instance"),
    )
    app.config.from_object(config)
    if config.TRUSTED_PROXIES:
        from werkzeug.middleware.proxy_fix import ProxyFix

        proxies = config.TRUSTED_PROXIES
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]
    app.jinja_env.add_extension("jinja2.ext.do")
    from app.core.matchscale import register_filters
    from app.core.templating import register_template_helpers

    register_filters(app)
    register_template_helpers(app)

    from app import db
    from app.core import guards, pagecache
    from app.extensions import csrf, htmx, limiter, login_manager

    guards.init_app(app)
    db.init_app(app)
    pagecache.init_app(app)
    csrf.init_app(app)
    htmx.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)

    _register_blueprints(app)

    from app.auth.loaders import register_user_loaders

    register_user_loaders(login_manager)

    from app.cli import register_commands

    register_commands(app)

    app.after_request(_secure_headers)

    if app.config["GROUP_REFRESH_DELAY"] is not None:
        from app.bank.refresher import Refresher

        app.extensions["qb.refresher"] = Refresher(
            app.extensions["qb.sessionmaker"], app.config["GROUP_REFRESH_DELAY"]
        )
    if app.config["EMBEDDING_WARMUP"]:
        from app.bank.index import start_warm_up

        start_warm_up(app)
    return app


def _register_blueprints(app: Flask) -> None:
    """Register every feature's blueprint (the API's after its features added their routes)."""
    from app.api import register_api_modules
    from app.core.web import register_error_handlers

    register_api_modules()
    for package, prefix in BLUEPRINTS:
        app.register_blueprint(import_module(package).bp, url_prefix=prefix or None)
    register_error_handlers(app)


CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; "
    "object-src 'none'"
)


def _secure_headers(response: Response) -> Response:
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("Permissions-Policy", "geolocation=(), camera=(), microphone=()")
    return response
