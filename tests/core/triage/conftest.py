"""The bundled playbooks, without a database: the triage needs none."""

from __future__ import annotations

import pytest

from kriseninfo.playbooks.library import Library


@pytest.fixture(scope="session")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    return Library(tmp_path_factory.mktemp("own-playbooks"))
