"""The core never imports Qt: every module of `kriseninfo` imports with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import importlib, importlib.abc, pkgutil, sys

    class Block(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            root = name.split(".")[0]
            if root in {"PySide6", "shiboken6", "PyQt5", "PyQt6", "kriseninfo_ui"}:
                raise ImportError(f"blocked: {name}")
            return None

    sys.meta_path.insert(0, Block())
    import kriseninfo
    names = [m.name for m in pkgutil.walk_packages(kriseninfo.__path__, "kriseninfo.")]
    for name in names:
        if name == "kriseninfo.__main__" or ".migrations." in name:
            continue
        importlib.import_module(name)
    loaded = sorted(m for m in sys.modules if m.split(".")[0] in {"PySide6", "shiboken6"})
    assert not loaded, loaded
    print(len(names))
    """
)


def test_every_core_module_imports_without_qt() -> None:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) >= 20


def test_blocker_really_blocks_qt() -> None:
    """The check above would be worthless if the blocker let PySide6 through."""
    probe = SCRIPT.replace("import kriseninfo\n", "import PySide6.QtCore\nimport kriseninfo\n")
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "blocked: PySide6" in result.stderr
