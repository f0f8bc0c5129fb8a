"""Reports are found and named by their real path; what cannot be walked or read is said, once."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from govkg.build import collect_sources
from govkg.cli import main

ROOT = Path(__file__).resolve().parent.parent
QINGHE = "青禾镇2023年工作总结\n2023年，青禾镇樟木村获评省级美丽乡村示范村，全年新建通组公路18公里。\n"
QINGHE_EDITED = "青禾镇2023年工作总结\n2023年，青禾镇白沙村获评省级美丽乡村示范村，全年新建通组公路18公里。\n"
LIUHE = "柳河乡2024年工作总结\n2024年，柳河乡石桥村引进青禾竹木制品有限公司，投资1.2亿元建设竹材加工项目。\n"


def _store(data: Path) -> list[str]:
    return ["--store", "embedded", "--data-dir", str(data)]


def _build(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", *args, "--no-analyze"])
    return result.exit_code, result.output


def _search(data: Path, name: str) -> list[str]:
    from graph.store import open_store

    store = open_store("embedded", data_dir=data)
    try:
        return [e.name for e in store.search(name)]
    finally:
        store.close()


def test_the_same_file_named_two_ways_is_one_report(tmp_path, monkeypatch):
    """`ex` then `$PWD/ex` with one report edited: the edit replaces the old version."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ex").mkdir()
    (tmp_path / "ex" / "qinghe.txt").write_text(QINGHE, encoding="utf-8")
    (tmp_path / "ex" / "liuhe.txt").write_text(LIUHE, encoding="utf-8")
    data = tmp_path / "data"
    code, output = _build("ex", *_store(data))
    assert code == 0 and "reports read: 2 (new 2, replaced 0, unchanged 0)" in output, output
    assert "樟木村" in _search(data, "樟木村")

    (tmp_path / "ex" / "qinghe.txt").write_text(QINGHE_EDITED, encoding="utf-8")
    code, output = _build(str(tmp_path / "ex"), *_store(data))
    assert code == 0 and "reports read: 2 (new 0, replaced 1, unchanged 1)" in output, output
    assert "樟木村" not in _search(data, "樟木村")  # the old version's facts are gone
    assert "白沙村" in _search(data, "白沙村")


def test_one_file_given_twice_is_read_once_and_said(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("qinghe.txt").write_text(QINGHE, encoding="utf-8")
    os.symlink("qinghe.txt", "link.txt")
    found = collect_sources(["qinghe.txt", str(tmp_path / "qinghe.txt"), "link.txt"])
    assert found.files == ["qinghe.txt"]
    assert found.same_file == [(str(tmp_path / "qinghe.txt"), "qinghe.txt"), ("link.txt", "qinghe.txt")]
    code, output = _build("qinghe.txt", "link.txt", *_store(tmp_path / "data"))
    assert code == 0 and "reports read: 1 (new 1," in output
    assert "  same file: link.txt = qinghe.txt (read once)" in output


def test_identical_texts_under_several_paths_are_stored_once_and_said(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(QINGHE, encoding="utf-8")
    (tmp_path / "d.txt").write_text(LIUHE, encoding="utf-8")
    data = tmp_path / "data"
    code, output = _build(str(tmp_path), *_store(data))
    assert code == 0 and "reports read: 2 (new 2," in output, output
    for name in ("b.txt", "c.txt"):
        assert f"  same text: {tmp_path / name} = {tmp_path / 'a.txt'} (stored once)" in output


def test_links_that_lead_nowhere_or_round_are_named(tmp_path):
    reports = tmp_path / "reports"
    (reports / "sub").mkdir(parents=True)
    (reports / "sub" / "qinghe.txt").write_text(QINGHE, encoding="utf-8")
    os.symlink("missing.txt", reports / "gone.txt")
    os.symlink("self.txt", reports / "self.txt")
    os.symlink("..", reports / "sub" / "up")
    os.symlink("missing.jpg", reports / "photo.jpg")  # no report, no folder: nothing to say
    found = collect_sources([reports])
    assert found.files == [str(reports / "sub" / "qinghe.txt")]
    assert found.problems == [
        (str(reports / "gone.txt"), "dangling symlink (its target missing.txt does not exist)"),
        (str(reports / "self.txt"), "symlink loop (the link leads back to itself)"),
        (str(reports / "sub" / "up"), f"symlink loop (leads back to {reports})"),
    ]
    code, output = _build(str(reports), *_store(tmp_path / "data"))
    assert code == 1 and "reports read: 1 (new 1," in output and "failed: 3" in output
    assert f"  failed: {reports / 'gone.txt'}: dangling symlink (its target missing.txt does not exist)" in output


def test_a_folder_linked_from_inside_itself_is_walked_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "qinghe.txt").write_text(QINGHE, encoding="utf-8")
    os.symlink(tmp_path / "a", tmp_path / "b")  # a second way in, not a loop
    found = collect_sources([tmp_path])
    assert found.files == [str(tmp_path / "a" / "qinghe.txt")] and not found.problems


def _unprivileged() -> list[str]:
    """A command prefix under which file permissions bind: root keeps its uid but loses the
    capabilities that let it read anything."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be made to bind")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search,-fowner", "--"]


def test_unreadable_files_and_folders_are_named_and_the_rest_loads(tmp_path):
    """An unreadable file on the command line was a usage error that stopped the batch; an
    unreadable subfolder was skipped without a word."""
    reports = tmp_path / "reports"
    (reports / "locked").mkdir(parents=True)
    (reports / "locked" / "hidden.txt").write_text(LIUHE, encoding="utf-8")
    (reports / "qinghe.txt").write_text(QINGHE, encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text(LIUHE, encoding="utf-8")
    secret.chmod(0)
    (reports / "locked").chmod(0)
    data = tmp_path / "data"
    try:
        done = subprocess.run(
            [*_unprivileged(), sys.executable, "-m", "govkg.cli", "build", str(secret), str(reports),
             *_store(data), "--no-analyze"],
            capture_output=True, text=True, cwd=ROOT, timeout=300,
        )
    finally:
        (reports / "locked").chmod(0o755)
    assert done.returncode == 1, done.stderr
    assert f"  failed: {secret}: cannot open file (Permission denied)" in done.stdout
    assert (
        f"  failed: {reports / 'locked'}: cannot read folder (Permission denied); its reports were not loaded"
        in done.stdout
    )
    assert "reports read: 1 (new 1," in done.stdout


def test_commands_print_nothing_from_jieba(tmp_path):
    """No "Building prefix dict" lines, and no PermissionError about a jieba cache another user
    owns: the cache lives in the user's own directory (here: HOME cannot be written, so <tmp>/govkg-<uid>)."""
    home, tmp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir()
    tmp.mkdir()
    (tmp / "jieba.cache").write_bytes(b"")  # jieba's shared default, owned by someone else
    tmp.chmod(0o1777)  # sticky and someone else's, as /tmp: another user's file there cannot be replaced
    if os.geteuid() == 0:
        os.chown(tmp / "jieba.cache", 12345, 12345)
        os.chown(tmp, 12346, 12346)
    home.chmod(0o555)
    report = tmp_path / "qinghe.txt"
    report.write_text(QINGHE, encoding="utf-8")
    env = {**os.environ, "HOME": str(home), "TMPDIR": str(tmp)}
    env.pop("XDG_CACHE_HOME", None)
    outputs = []
    for args in (["extract", str(report)], ["stats", *_store(tmp_path / "data")]):
        done = subprocess.run(
            [*_unprivileged(), sys.executable, "-m", "govkg.cli", *args],
            capture_output=True, text=True, cwd=ROOT, env=env, timeout=300,
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
        outputs.append(done.stdout)
    assert json.loads(outputs[0])["report"]["title"] == "青禾镇2023年工作总结"
    assert outputs[1].startswith("reports: 0 ")
    # jieba's dictionary is cached there (as the JSON prefix table the pipeline hands jieba)
    assert next((tmp / f"govkg-{os.getuid()}").glob("jieba-prefix-*.json")).stat().st_size > 1_000_000
