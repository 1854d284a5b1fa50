"""The log file opens after the first paint; what was logged before must still reach it."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from kriseninfo.logsetup import EARLY_LIMIT, configure_logging, hold_early_records


@pytest.fixture
def root_logger() -> Iterator[logging.Logger]:
    """The root logger, its handlers and level restored afterwards."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield root
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_records_before_the_log_file_opens_are_written_to_it_first(
    tmp_path: Path, root_logger: logging.Logger
) -> None:
    hold_early_records()
    hold_early_records()  # a second call must not hold (and later write) records twice
    logging.getLogger("kriseninfo.early").info("settings read before the first paint")
    log_file = configure_logging(tmp_path / "logs")
    logging.getLogger("kriseninfo.late").info("database opened")

    assert log_file == tmp_path / "logs" / "kriseninfo.log"
    for handler in root_logger.handlers:
        handler.flush()
    lines = log_file.read_text(encoding="utf-8").splitlines()
    assert [line.split(" ", 3)[3] for line in lines] == [
        "kriseninfo.early: settings read before the first paint",
        "kriseninfo.late: database opened",
    ]
    assert not any(type(h).__name__ == "_EarlyRecords" for h in root_logger.handlers)


def test_early_records_are_bounded(tmp_path: Path, root_logger: logging.Logger) -> None:
    hold_early_records()
    for number in range(EARLY_LIMIT + 50):
        logging.getLogger("kriseninfo.flood").info("record %d", number)
    log_file = configure_logging(tmp_path)
    assert log_file is not None
    for handler in root_logger.handlers:
        handler.flush()
    assert len(log_file.read_text(encoding="utf-8").splitlines()) == EARLY_LIMIT


def test_unwritable_log_dir_is_reported_and_warnings_go_to_stderr(
    tmp_path: Path, root_logger: logging.Logger, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the log folder should be", encoding="utf-8")
    hold_early_records()

    assert configure_logging(blocker / "logs") is None

    err = capsys.readouterr().err
    assert "kriseninfo: cannot write log file in" in err
    streams = [h for h in root_logger.handlers if isinstance(h, logging.StreamHandler)]
    assert [h.level for h in streams if not isinstance(h, logging.FileHandler)][-1:] == [
        logging.WARNING
    ]
