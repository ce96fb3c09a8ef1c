"""Route decorators that check roles, answering pages and the API each their own way."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import abort
from flask_login import current_user

from app.extensions import login_manager


def role_required(check: Callable[[Any], bool]) -> Callable:
    """Allow the view only to signed-in users for whom ``check(user)`` holds; else 401/403."""

    def decorator(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not check(current_user):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


admin_required = role_required(lambda user: user.is_admin)
facilitator_required = role_required(lambda user: user.is_facilitator)
