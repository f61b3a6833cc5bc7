"""An app that writes to stdout everywhere an app can: ``print`` and a raw write to file
descriptor 1 at import time, and both again (plus a child process) inside a capability.
``packetflow mcp --app tests.apps.mcp_noisy_app:node`` must keep all of it off the protocol
stream (it goes to stderr)."""

from __future__ import annotations

import os
import subprocess
import sys

from pydantic import BaseModel

import packetflow as pf

print("noisy: print at import")  # block-buffered: reaches fd 1 when Python flushes at exit
os.write(1, b"noisy: raw write to fd 1 at import\n")


class Text(BaseModel):
    text: str


@pf.capability(intent="Shout a text back (and print while doing it)")
def shout(inp: Text) -> Text:
    print(f"noisy: print in a capability ({inp.text})")
    os.write(1, b"noisy: raw write to fd 1 in a capability\n")
    subprocess.run([sys.executable, "-c", "print('noisy: child process output')"], check=True)
    return Text(text=inp.text.upper())


node = pf.Node("noisy")
node.modules.autoload = False
node.register(shout)
