"""Comments arranged as the conversation they are: replies under what they answer."""

from dataclasses import dataclass, field

from comments.models import Comment


@dataclass
class Thread:
    comment: Comment
    replies: list["Thread"] = field(default_factory=list)


def build_threads(comments: list[Comment]) -> list[Thread]:
    """Nest comments (in posting order) under their parents.

    A reply whose parent is not shown (removed, or still held) starts a thread
    of its own rather than disappearing.
    """
    threads = {comment.pk: Thread(comment) for comment in comments}
    roots = []
    for comment in comments:
        parent = threads.get(comment.parent_id)
        (parent.replies if parent else roots).append(threads[comment.pk])
    return roots
