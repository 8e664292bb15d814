"""Where static files' addresses come from."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's hashed names, each looked up once per process.

    Every page asks for the same few files' addresses, and the manifest does
    not change while the process runs: a deploy starts new processes.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.urls = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force)
        if name not in self.urls:
            self.urls[name] = super().url(name)
        return self.urls[name]
