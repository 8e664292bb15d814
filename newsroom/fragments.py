"""Parts of reader pages kept rendered until anything readers could see changes.

Stored pages (newsroom.pagecache) answer anonymous readers. Everyone else gets
a page built for them: an editor signed in, a reader whose comment awaits
moderation, the first reader after a change. Fragments keep that build cheap.
The parts of a page that are the same for every reader, such as an article and
its related stories, are kept rendered under the page generation. The change
that forgets stored pages forgets them too, and like pages they are kept no
longer than until the next scheduled story goes live.

They live in the default cache. A fragment is right for its generation in any
process, so without Redis each process keeps its own; each process also keeps
the fragments it used last in memory, so a page's fragments cost one cache
read, the generation's.
"""

import hashlib
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from newsroom import pagecache

_recent = pagecache.Recent(size=500)


def rendered(request, name: str, parts: list, render: Callable[[], str]) -> str:
    """The fragment `name` for these `parts`, rendered only if none is kept."""
    key = _key(request, name, parts)
    if key is None:  # switched off, or the cache is away
        return render()
    fragment = _kept(key)
    if fragment is None:
        fragment = _keep(key, render(), _generation(request))
    return fragment


def is_kept(request, name: str, parts: list) -> bool:
    """Whether that fragment is kept: a view may then leave out what it shows."""
    key = _key(request, name, parts)
    return key is not None and _kept(key) is not None


def _kept(key: str) -> str | None:
    fragment = _recent.get(key)
    if fragment is None:
        expires, fragment = cache.get(key) or (0, None)
        if expires < time.time():  # gone, or past its time by this clock
            return None
        _recent.add(key, fragment, expires=expires)
    return fragment


def _keep(key: str, fragment: str, generation: int) -> str:
    seconds = pagecache.seconds_to_keep(
        generation, most=settings.FRAGMENT_CACHE_SECONDS
    )
    expires = time.time() + seconds
    cache.set(key, (expires, fragment), seconds)
    _recent.add(key, fragment, expires=expires)
    return fragment


def _generation(request) -> int | None:
    # Read once a request: a page's fragments then all belong to one generation.
    if not hasattr(request, "fragments_generation"):
        request.fragments_generation = pagecache.current_generation()
    return request.fragments_generation


def _key(request, name: str, parts: list) -> str | None:
    if settings.FRAGMENT_CACHE_SECONDS <= 0:
        return None
    generation = _generation(request)
    if generation is None:
        return None
    digest = hashlib.md5(repr(parts).encode(), usedforsecurity=False).hexdigest()
    return f"fragments:{generation}:{get_language()}:{name}:{digest}"
