"""Greetings and sign-offs around a request ("Hi there! ...", "hello, ...", "..., thanks so
much", "... when you get a chance"): they address the helper and ask for nothing. Blanked out
(offsets kept) before the request is read, so that what follows a greeting is read as the
request's own start ("hey, I'm away on the 9th, skip the delivery" opens with a statement).
"""

from __future__ import annotations

import re

__all__ = ["without_greetings"]

_HELLO = (
    r"(?:hi|hello|hey|hiya|heya|howdy|greetings|good\s+(?:morning|afternoon|evening))"
    r"(?:\s+(?:there|team|all|folks|guys|everyone))?"
)
# Openers that announce a request without saying it ("quick question: ...", "sorry to bother
# you, but ...").
_OPENER = (
    r"(?:(?:a\s+)?quick\s+(?:question|one|favou?r)|one\s+(?:more|last|quick)\s+thing"
    r"|(?:(?:so\s+)?sorry|apologies)\s+to\s+(?:bother|trouble)\s+you(?:\s+again)?)"
)
_GREETING = re.compile(
    rf"^\s*(?:{_HELLO}\s*[,!.:;-]+\s+)?(?:{_OPENER}\s*(?:[,!.:;-]+\s+(?:but\s+)?|but\s+))?",
    re.IGNORECASE,
)


# Only sign-offs that ask for nothing: "if possible" and "asap" say how (a preference, an
# urgency) and stay. Thanks after a separator only ("text Ann saying thanks" is a message).
_THANKS = (
    r"[,;.!-]\s*(?:and\s+)?(?:thanks|thank\s+you|thx|cheers|ta|many\s+thanks)"
    r"(?:\s+(?:so\s+much|a\s+lot|a\s+million|very\s+much|in\s+advance))?"
)
_WHEN_FREE = (
    r"[,;.!-]?\s*\b(?:when(?:ever)?\s+you\s+(?:get\s+a\s+(?:chance|moment|minute|sec|second)"
    r"|can|have\s+a\s+(?:moment|minute|sec|second))"
    r"|if\s+(?:that'?s|that\s+is|it'?s|it\s+is)\s+(?:ok|okay|alright|all\s+right|fine)"
    r"|if\s+you\s+(?:don'?t|do\s+not)\s+mind)"
)
_SIGN_OFF = re.compile(
    rf"(?:{_THANKS}|{_WHEN_FREE})(?:\s*,?\s*(?:please|pls|thanks|thank\s+you))?\s*[!.?]*\s*$",
    re.IGNORECASE,
)


# A message or words to pass on may end the text with a sign-off of their own.
_MESSAGE = re.compile(
    r"[:\"]|\b(?:say|says|saying|tell|telling|ask|asking|remind|message|note|write|reply)\b",
    re.IGNORECASE,
)


def without_greetings(text: str) -> str:
    """``text`` with a greeting before the request and sign-offs after it replaced by spaces
    (so offsets into it stay those of ``text``); unchanged when nothing would be left."""
    out = text
    match = _GREETING.match(out)
    if match and 0 < match.end() < len(out):
        out = " " * match.end() + out[match.end() :]
    if _MESSAGE.search(out):
        return out  # ("body: Paid in full, thanks!", "tell him to call when he can")
    for _ in range(2):  # ("..., when you get a chance, thanks")
        match = _SIGN_OFF.search(out)
        if match is None or not out[: match.start()].strip():
            break
        out = out[: match.start()] + " " * (len(out) - match.start())
    return out
