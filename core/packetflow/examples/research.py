"""A research assistant: a stateful actor holding a multi-turn conversation that it remembers,
durably (SQLite), across node restarts. ``packetflow demo`` runs :func:`main`;
``--app packetflow.examples.research:node`` serves it (state under ``./.packetflow``).

The assistant works offline: it answers from a small built-in library by word overlap,
keeps what it found in its state, and can recall and summarise earlier turns.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import trio
from pydantic import BaseModel, Field

import packetflow as pf

from ._terminal import title

# -- the library it researches -----------------------------------------------------------------

LIBRARY: dict[str, str] = {
    "surface codes": "Surface codes protect a logical qubit with a 2D lattice of physical "
    "qubits; errors are found by measuring stabilizers and decoded with minimum-weight "
    "matching.",
    "error thresholds": "Below an error threshold of roughly one percent per gate, adding "
    "physical qubits to a surface code suppresses logical errors exponentially.",
    "magic states": "Magic state distillation supplies the non-Clifford T gates that surface "
    "codes cannot implement transversally.",
    "structured concurrency": "Structured concurrency ties every task to a nursery, so no task "
    "outlives the block that started it and errors always propagate.",
    "write-ahead logging": "A write-ahead log appends changes before applying them, so a crash "
    "loses nothing that was acknowledged.",
}

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    ["a", "an", "the", "of", "to", "is", "are", "what", "how", "do", "does", "why", "which",
     "and", "or", "in", "on", "for"]
)  # fmt: skip


def _words(text: str) -> set[str]:
    return {w.rstrip("s") for w in _WORD.findall(text.lower())} - _STOP


# -- contracts ---------------------------------------------------------------------------------


class Question(BaseModel):
    text: str = Field(min_length=1, max_length=2000, description="what the user says")


class Answer(BaseModel):
    text: str
    turn: int
    sources: list[str] = []


class Finding(BaseModel):
    question: str
    source: str


class ResearchState(BaseModel):
    topic: str | None = None
    questions: list[str] = []
    findings: list[Finding] = []


# -- the actor ---------------------------------------------------------------------------------


@pf.actor(
    intent="Multi-turn research conversation with memory",
    persistence="sqlite",
    idle_timeout=1800,
    history=500,
)
class ResearchAssistant(pf.Actor[ResearchState]):
    """Researches a topic over several turns and remembers what it found."""

    async def handle(self, msg: Question, ctx: pf.Context) -> Answer:
        state = self.state
        text = msg.text.strip()
        turn = len(state.questions) + 1
        lowered = text.lower()
        if lowered.startswith(("let's research", "research ")):
            state.topic = text.split("research", 1)[1].strip(" :.")
            reply = f"Noted: we are researching {state.topic}. Ask me anything about it."
            sources: list[str] = []
        elif "first" in lowered and ("ask" in lowered or "question" in lowered):
            first = state.questions[0] if state.questions else None
            reply = f"Your first message was: {first!r}." if first else "This is our first turn."
            sources = []
        elif "summar" in lowered or "so far" in lowered:
            reply, sources = self._summary()
        else:
            reply, sources = self._look_up(text)
        state.questions.append(text)
        return Answer(text=reply, turn=turn, sources=sources)

    def _look_up(self, text: str) -> tuple[str, list[str]]:
        wanted = _words(text) | _words(self.state.topic or "")
        scored = sorted(
            ((len(wanted & (_words(title) | _words(body))), title)
             for title, body in LIBRARY.items()),
            reverse=True,
        )  # fmt: skip
        best_score, best = scored[0]
        if best_score == 0:
            return "I found nothing on that in my library; try other words.", []
        self.state.findings.append(Finding(question=text, source=best))
        earlier = [f.source for f in self.state.findings[:-1] if f.source != best]
        link = f" This builds on what we found about {earlier[-1]}." if earlier else ""
        return f"From '{best}': {LIBRARY[best]}{link}", [best]

    def _summary(self) -> tuple[str, list[str]]:
        if not self.state.findings:
            return "We have not found anything yet.", []
        sources = list(dict.fromkeys(f.source for f in self.state.findings))
        topic = f" on {self.state.topic}" if self.state.topic else ""
        return (
            f"So far{topic} we covered {len(sources)} source(s): {', '.join(sources)}; "
            f"you asked {len(self.state.questions)} question(s).",
            sources,
        )


def build_node(data_dir: str | Path = ".packetflow") -> pf.Node:
    """A node hosting the research assistant, its state under ``data_dir``."""
    research_node = pf.Node("research", data_dir=data_dir)
    research_node.register(ResearchAssistant)
    return research_node


node = build_node()

# -- the demo ----------------------------------------------------------------------------------


async def _ask(running: pf.Node, text: str) -> None:
    reply = await running.actors.send(
        "research_assistant", "alice-1", {"text": text}, context={"user_id": "alice"}
    )
    print(f"  alice> {text}")
    print(f"  assistant[{reply['turn']}]> {reply['text']}")


async def main(data_dir: str | Path | None = None) -> None:
    """Talk to the assistant, restart the node, and carry on from disk."""
    with tempfile.TemporaryDirectory(prefix="packetflow-demo-") as tmp:
        where = Path(data_dir) if data_dir is not None else Path(tmp)
        title(f"A research conversation (state in {where / 'actors.sqlite3'})")
        first = build_node(where)
        async with first.started():
            await _ask(first, "Let's research quantum error correction")
            await _ask(first, "How do surface codes detect errors?")
            await _ask(first, "What error threshold do they need?")
            info = (await first.actors.list())[0]
            print(f"  [{info.actor_id}: {info.message_count} messages, {info.status}]")

        title("The node stops; a new node starts on the same data dir")
        second = build_node(where)
        async with second.started():
            print(f"  live actors after restart: {len(second.actors)}")
            await _ask(second, "What did I ask first?")
            await _ask(second, "Summarize what we found so far")
            await _ask(second, "And what about magic states?")

            title('Searching the conversation for the phrase "surface codes"')
            for hit in await second.actors.search('"surface codes"', limit=3):
                question, answer = hit["message"]["text"], hit["reply"]["text"]
                print(f"  #{hit['seq']} {question!r} -> {answer[:60]}...")

            title("History, one page of 3, newest last")
            page = await second.actors.history("research_assistant", "alice-1", limit=3)
            for entry in page:
                print(f"  #{entry['seq']} {entry['message']['text']}")
            state = await second.actors.get_state("research_assistant", "alice-1")
            assert isinstance(state, ResearchState)
            print(f"  state: topic={state.topic!r}, {len(state.findings)} findings")


if __name__ == "__main__":
    trio.run(main)
