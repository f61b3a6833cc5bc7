"""The node's HTTP port (``packetflow serve --http PORT``, ``node.serve(http_port=)``): one
Hypercorn trio server for MCP streamable HTTP (``/mcp``), ``/metrics``, ``/healthz``,
``/readyz`` and the dashboard (``/`` and its JSON API under ``/api``).

- :mod:`.router`: a small ASGI router (exact and ``{param}`` paths, mounted ASGI apps).
- :mod:`.auth`: bearer tokens of the node's token authority (401 / 403).
- :mod:`.health`, :mod:`.metrics` (+ :mod:`.exposition`), :mod:`.dashboard` (+ :mod:`.views`,
  :mod:`.timeline`), :mod:`.live` (Server-Sent Events): the endpoints.
- :mod:`.app` assembles them; :mod:`.server` listens.

Needs the ``http`` extra (Hypercorn, prometheus-client); ``/mcp`` also needs ``mcp``.
"""
