"""What `kriseninfo doctor` reports: where things are and what they run on."""

from __future__ import annotations

import os
import platform
import sys
from importlib import metadata

from kriseninfo import __version__
from kriseninfo.context import Options
from kriseninfo.errors import KriseninfoError
from kriseninfo.playbooks.library import bundled_dir
from kriseninfo.storage import migrate
from kriseninfo.storage.database import Database


def report(options: Options) -> list[tuple[str, str]]:
    """Pairs of (label, value); never contains a password."""
    paths = options.paths()
    rows: list[tuple[str, str]] = [
        ("Kriseninfo", __version__),
        ("Python", f"{platform.python_version()} ({sys.executable})"),
        ("Data dir", str(paths.data_dir)),
        ("Log dir", str(paths.log_dir)),
        ("Settings", str(paths.settings_file)),
    ]
    database = Database(options.database_url())
    rows.append(("Database", database.display_url()))
    try:
        state = migrate.schema_state(database)
        current = state.current or "empty"
        rows.append(("Schema", f"{current} (this program: {state.head})"))
    except KriseninfoError as exc:
        rows.append(("Schema", f"unavailable: {exc}"))
    finally:
        database.dispose()
    rows.append(("Keyring", _keyring_backend()))
    rows.append(("Qt", _qt_version()))
    rows.append(("Qt platform", _qt_platform()))
    rows.append(("Playbooks (bundled)", str(bundled_dir())))
    rows.append(("Playbooks (own)", str(paths.user_playbook_dir)))
    return rows


def _keyring_backend() -> str:
    try:
        import keyring

        backend = keyring.get_keyring()
    except Exception as exc:  # a broken keyring must not break the report
        return f"unavailable: {exc}"
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _qt_version() -> str:
    # Read from the package metadata: the core never imports Qt.
    for dist in ("PySide6-Essentials", "PySide6"):
        try:
            return f"PySide6 {metadata.version(dist)}"
        except metadata.PackageNotFoundError:
            continue
    return "not installed (the console needs PySide6; the CLI does not)"


def _qt_platform() -> str:
    if os.environ.get("QT_QPA_PLATFORM"):
        return f"{os.environ['QT_QPA_PLATFORM']} (QT_QPA_PLATFORM)"
    if not sys.platform.startswith("linux"):
        return sys.platform
    if os.environ.get("WAYLAND_DISPLAY"):
        return f"wayland ({os.environ['WAYLAND_DISPLAY']})"
    if os.environ.get("DISPLAY"):
        return f"xcb (DISPLAY={os.environ['DISPLAY']})"
    return "none: no DISPLAY or WAYLAND_DISPLAY set"
