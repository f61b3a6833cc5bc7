"""Rich content: typed blocks a capability may return, a prompt may answer with and a
sampling request may carry.

Each block is a small frozen pydantic model whose JSON is what travels on the wire (``{"type":
"image", "data": "<base64>", "mime_type": "image/png"}``); the MCP layer renders the same
blocks as MCP content blocks. Binary data is held base64-encoded (as MCP carries it); the
constructors take ``bytes`` or an already encoded ``str``.
"""

from __future__ import annotations

import base64
import binascii
import types
from typing import Annotated, Any, Literal, TypeAlias, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

__all__ = [
    "Audio",
    "Content",
    "ContentBlock",
    "EmbeddedResource",
    "Image",
    "Message",
    "Role",
    "Text",
    "carries_content",
    "to_base64",
]

Role: TypeAlias = Literal["user", "assistant"]


def to_base64(data: bytes | bytearray | memoryview | str) -> str:
    """``data`` as base64 text; a ``str`` is taken as already encoded."""
    if isinstance(data, str):
        return data
    return base64.b64encode(bytes(data)).decode("ascii")


def _checked_base64(value: str) -> str:
    try:
        base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("must be base64 text (pass bytes to have it encoded)") from None
    return value


class ContentBlock(BaseModel):
    """Base of the content blocks (``isinstance`` checks and rendering use it)."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(ContentBlock):
    """A text block: ``Text("hello")``."""

    type: Literal["text"] = "text"
    text: str

    def __init__(self, text: str | None = None, /, **data: Any) -> None:
        if text is not None:
            data["text"] = text
        super().__init__(**data)


class _Binary(ContentBlock):
    data: str
    mime_type: str

    def __init__(
        self,
        data: bytes | bytearray | memoryview | str | None = None,
        /,
        mime_type: str | None = None,
        **fields: Any,
    ) -> None:
        if data is not None:
            fields["data"] = data
        if mime_type is not None:
            fields["mime_type"] = mime_type
        super().__init__(**fields)

    @field_validator("data", mode="before")
    @classmethod
    def _encode(cls, value: Any) -> Any:
        if isinstance(value, (bytes, bytearray, memoryview)):
            return to_base64(value)
        return _checked_base64(value) if isinstance(value, str) else value

    def raw(self) -> bytes:
        """The decoded bytes."""
        return base64.b64decode(self.data)


class Image(_Binary):
    """An image: ``Image(png_bytes, "image/png")``."""

    type: Literal["image"] = "image"
    mime_type: str = "image/png"

    # Each class spells out its constructor: type checkers' pydantic support synthesises one
    # from the fields (keywords only) for a class that does not define its own.
    def __init__(
        self,
        data: bytes | bytearray | memoryview | str | None = None,
        /,
        mime_type: str | None = None,
        **fields: Any,
    ) -> None:
        super().__init__(data, mime_type, **fields)


class Audio(_Binary):
    """An audio clip: ``Audio(wav_bytes, "audio/wav")``."""

    type: Literal["audio"] = "audio"
    mime_type: str = "audio/wav"

    def __init__(
        self,
        data: bytes | bytearray | memoryview | str | None = None,
        /,
        mime_type: str | None = None,
        **fields: Any,
    ) -> None:
        super().__init__(data, mime_type, **fields)


class EmbeddedResource(ContentBlock):
    """A resource's contents embedded in a result: text or binary (``blob``, base64).

    ``EmbeddedResource("test://doc", text="...", mime_type="text/plain")``.
    """

    type: Literal["resource"] = "resource"
    uri: str = Field(min_length=1)
    mime_type: str | None = None
    text: str | None = None
    blob: str | None = None

    def __init__(self, uri: str | None = None, /, **fields: Any) -> None:
        if uri is not None:
            fields["uri"] = uri
        super().__init__(**fields)

    @field_validator("blob", mode="before")
    @classmethod
    def _encode(cls, value: Any) -> Any:
        if isinstance(value, (bytes, bytearray, memoryview)):
            return to_base64(value)
        return _checked_base64(value) if isinstance(value, str) else value

    @model_validator(mode="after")
    def _one_body(self) -> EmbeddedResource:
        if (self.text is None) == (self.blob is None):
            raise ValueError("give exactly one of text= (text contents) or blob= (binary)")
        return self


Content: TypeAlias = Annotated[Text | Image | Audio | EmbeddedResource, Field(discriminator="type")]
"""Any one content block (a discriminated union on ``type``)."""


class Message(BaseModel):
    """One message of a prompt or of a sampling request: a role and one content block.

    ``Message("Summarise this")`` is a user text message; ``Message(Image(png), role="user")``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    role: Role = "user"
    content: Content

    def __init__(self, content: str | ContentBlock | None = None, /, **fields: Any) -> None:
        if content is not None:
            fields["content"] = Text(content) if isinstance(content, str) else content
        super().__init__(**fields)


def carries_content(annotation: Any) -> bool:
    """Whether a type annotation holds content blocks (``Image``, ``list[Content | str]``...):
    such results render as MCP content blocks rather than structured JSON."""
    if isinstance(annotation, type):
        return issubclass(annotation, ContentBlock)
    origin = get_origin(annotation)
    if origin is Annotated:
        return carries_content(get_args(annotation)[0])
    if origin in (list, tuple, Union, types.UnionType):
        return any(carries_content(arg) for arg in get_args(annotation))
    return False
