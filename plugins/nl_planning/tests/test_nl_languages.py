"""Language fields: an enum of ISO 639-1 codes takes the language the text names, and of a
source/target pair each takes its side; on a registry of these tests' own (subtitles)."""

from __future__ import annotations

from typing import Any, Literal

import pytest
from planned import plan_steps, planner_on
from pydantic import BaseModel, Field

import packetflow as pf

TODAY = "2026-03-26"
Lang = Literal["en", "fr", "de", "ja", "pt-BR"]


class Ref(BaseModel):
    ref: str


class SubtitleIn(BaseModel):
    video_url: str = Field(json_schema_extra={"format": "uri"}, description="the video")
    source_language: Lang = Field(description="language spoken in the video")
    target_language: Lang = Field(description="language of the subtitles")


@pf.capability(intent="Order subtitles for a video", tags=["video"])
async def order_subtitles(inp: SubtitleIn) -> Ref:
    return Ref(ref="s-1")


class VoiceIn(BaseModel):
    text: str = Field(description="what to say")
    language: Lang = Field(default="en", description="language of the voice")


@pf.capability(intent="Read a text aloud with a synthetic voice", tags=["video"])
async def synthesize_voice(inp: VoiceIn) -> Ref:
    return Ref(ref="v-1")


@pytest.fixture
async def studio(module_node: pf.Node, register_module: Any) -> pf.Node:
    return await planner_on(module_node, register_module, [order_subtitles, synthesize_voice])


async def _params(node: pf.Node, text: str) -> dict[str, Any]:
    [step] = await plan_steps(node, text, TODAY)
    params: dict[str, Any] = step["params"]
    return params


@pytest.mark.parametrize(
    "text",
    [
        "order subtitles for https://v.example.com/42 from French into Japanese",
        "order French to Japanese subtitles for https://v.example.com/42",
        "subtitle https://v.example.com/42 into Japanese from French",
    ],
)
async def test_each_side_of_a_pair_takes_its_language(studio: pf.Node, text: str) -> None:
    params = await _params(studio, text)
    assert (params["source_language"], params["target_language"]) == ("fr", "ja")


async def test_a_locale_code_is_named_by_its_language(studio: pf.Node) -> None:
    params = await _params(studio, "read 'bom dia' aloud in Portuguese")
    assert params == {"text": "bom dia", "language": "pt-BR"}


async def test_a_language_the_enum_lacks_is_no_value(studio: pf.Node) -> None:
    params = await _params(studio, "read 'hola' aloud in Spanish")
    assert "language" not in params or params["language"] == "en"
