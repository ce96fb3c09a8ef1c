"""Extension objects, created here and bound to the app in create_app."""

from flask_htmx import HTMX
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

# Registers the sqlite:/// rate-limit storage, the default (config.RATELIMIT_STORAGE_URI).
from app.core import ratelimits as _ratelimits  # noqa: F401

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Please log in to continue."
login_manager.login_message_category = "info"

csrf = CSRFProtect()
htmx = HTMX()
limiter = Limiter(key_func=get_remote_address, default_limits=[])
