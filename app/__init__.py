"""Question Bank: the Flask application factory."""

from __future__ import annotations

from flask import Flask, Response

from config import ROOT, Config, config_from_env


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
    app.jinja_env.add_extension("jinja2.ext.do")

    from app import db
    from app.extensions import csrf, htmx, limiter, login_manager

    db.init_app(app)
    csrf.init_app(app)
    htmx.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)

    from app.admin import bp as admin_bp
    from app.api import bp as api_bp
    from app.api import register_api_modules
    from app.auth import bp as auth_bp
    from app.clusters import bp as clusters_bp
    from app.core.web import register_error_handlers
    from app.main import bp as main_bp
    from app.notifications import bp as notifications_bp
    from app.partnerships import bp as partnerships_bp
    from app.pledges import bp as pledges_bp
    from app.questions import bp as questions_bp

    register_api_modules()

    app.register_blueprint(main_bp)
    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(questions_bp, url_prefix="/questions")
    app.register_blueprint(clusters_bp, url_prefix="/groups")
    app.register_blueprint(pledges_bp, url_prefix="/pledges")
    app.register_blueprint(partnerships_bp, url_prefix="/partnerships")
    app.register_blueprint(notifications_bp, url_prefix="/notifications")
    app.register_blueprint(admin_bp, url_prefix="/admin")
    app.register_blueprint(api_bp, url_prefix="/api/v1")
    register_error_handlers(app)

    from app.auth.loaders import register_user_loaders

    register_user_loaders(login_manager)

    from app.cli import register_commands

    register_commands(app)

    app.after_request(_secure_headers)

    if app.config["EMBEDDING_WARMUP"]:
        from app.bank.index import start_warm_up

        start_warm_up(app)
    return app


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
