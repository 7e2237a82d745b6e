"""The `remove` prompt on a real terminal (a pseudo-terminal): Ctrl-C there ends the command
quietly with 130, as a shell expects of an interrupted program; end of input is a no."""

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

from .conftest import SAMPLE


def at_the_prompt(tmp_path: Path) -> tuple[subprocess.Popen[bytes], int, Path]:
    """`remove c26` started on a pseudo-terminal and waiting at its question."""
    path = tmp_path / "events.toml"
    path.write_text(SAMPLE, encoding="utf-8")
    master, slave = pty.openpty()
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "itu_timeline", "--today", "2026-06-01", "-c", str(path)]
    process = subprocess.Popen(
        [*command, "remove", "c26"], stdin=slave, stdout=slave, stderr=subprocess.PIPE, env=env
    )
    os.close(slave)
    shown = b""
    while b"Remove 'c26'" not in shown:
        ready, _, _ = select.select([master], [], [], 30)
        assert ready, f"no prompt; the terminal showed {shown!r}"
        shown += os.read(master, 1024)
    waiting_for_input(process.pid)
    return process, master, path


def waiting_for_input(pid: int) -> None:
    """Until the process has slept in the same place for a quarter of a second, as it does in
    its read of the terminal when a person presses Ctrl-C: a signal that lands between
    CPython's check for signals and its read() is only seen after the next key."""
    wchan = Path(f"/proc/{pid}/wchan")
    seen, same = "", 0
    for _ in range(600):
        if not wchan.exists():
            return
        now = wchan.read_text()
        same = same + 1 if now == seen and now not in ("", "0") else 0
        seen = now
        if same >= 5:
            return
        time.sleep(0.05)


def test_ctrl_c_at_the_prompt_exits_130_quietly_and_removes_nothing(tmp_path: Path) -> None:
    process, master, path = at_the_prompt(tmp_path)
    process.send_signal(signal.SIGINT)  # what the terminal sends on Ctrl-C
    _, stderr = process.communicate(timeout=30)
    os.close(master)
    assert process.returncode == 130
    assert stderr.strip() == b""
    assert path.read_text(encoding="utf-8") == SAMPLE


def test_end_of_input_at_the_prompt_is_a_no(tmp_path: Path) -> None:
    process, master, path = at_the_prompt(tmp_path)
    os.write(master, b"\x04")  # Ctrl-D: the terminal ends the input
    _, stderr = process.communicate(timeout=30)
    os.close(master)
    assert process.returncode == 1
    assert b"nothing removed" in stderr
    assert path.read_text(encoding="utf-8") == SAMPLE
