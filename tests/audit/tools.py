"""The independent checkers the audit runs, from node_modules (npm ci)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def require(tool: Path) -> Path:
    if not tool.exists():
        pytest.fail(f"{tool.relative_to(ROOT)} is missing: `make test` installs it.")
    return tool


def axe_violations(page) -> list[dict]:
    """What axe-core finds wrong on the page as loaded, every rule included."""
    page.add_script_tag(path=require(AXE))
    return page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations.map(v => ({id: v.id, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' '))}))"
    )


def vnu_errors(paths: list[Path]) -> list[dict]:
    """Errors the Nu HTML Checker reports in these HTML and CSS files."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is missing: `apt-get install default-jre-headless`.")
    result = subprocess.run(
        [
            java,
            "-jar",
            str(require(VNU)),
            "--format",
            "json",
            "--exit-zero-always",
            "--stdout",
            "--also-check-css",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(result.stdout)["messages"]
    return [
        message
        for message in messages
        if message["type"] in {"error", "non-document-error"}
    ]
