"""OpenTelemetry for PacketFlow (the ``otel`` extra): spans for capability executions,
composition steps, module hooks, actor messages and every request a transport dispatches,
and W3C ``traceparent`` carried in the wire's ``context``. Imported only when the extra is
installed and tracing is wanted (:mod:`packetflow._tracing`).

- :mod:`.propagation`: ``traceparent`` out of a request's ``context`` (what the wire's
  client writes in comes from :func:`packetflow._tracing.outgoing_context`).
- :mod:`.instrument`: the spans, around the node's entry points.

MCP needs nothing of ours: the MCP SDK puts ``traceparent`` in ``_meta`` on every request it
sends (calls into mounted servers run inside the calling capability's span) and opens a span
from the incoming ``_meta`` before our tool handler runs, so one trace spans client → node →
mounted server.
"""
