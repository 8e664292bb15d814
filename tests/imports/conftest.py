import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.media.factories import image_file

FIXTURES = Path(__file__).parent / "fixtures"
WORDPRESS_UPLOADS = "https://valleycourier.example.org/wp-content/uploads"


def run_import(command: str, path: Path, *options: str) -> str:
    """Run an import command and return what it printed."""
    out = StringIO()
    call_command(command, str(path), *options, stdout=out)
    return out.getvalue()


@pytest.fixture
def image_server(tmp_path):
    """A local web server holding the WordPress fixture's two images."""
    root = tmp_path / "site"
    uploads = root / "wp-content" / "uploads" / "2024" / "03"
    uploads.mkdir(parents=True)
    for name, colour in (("bridge.png", "grey"), ("detour.png", "yellow")):
        (uploads / name).write_bytes(image_file(colour=colour, name=name).read())
    handler = partial(_QuietHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def wordpress_served(tmp_path, image_server) -> Path:
    """The WordPress fixture with its images at the local image server."""
    path = tmp_path / "wordpress-served.xml"
    text = (FIXTURES / "wordpress.xml").read_text("utf-8")
    path.write_text(
        text.replace(WORDPRESS_UPLOADS, f"{image_server}/wp-content/uploads")
    )
    return path


@pytest.fixture
def copy_fixture(tmp_path):
    def copy(name: str) -> Path:
        return Path(shutil.copy(FIXTURES / name, tmp_path / name))

    return copy
