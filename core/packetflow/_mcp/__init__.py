"""MCP integration (``pip install 'packetflow[mcp]'``): the node's capabilities served as MCP
tools over stdio, streamable HTTP and the wire tunnel, and external MCP servers mounted as
capabilities. Built on the official ``mcp`` SDK's low-level ``Server`` and ``Client``.

Layout: ``server`` (the node's MCP server) with ``tools``, ``results``, ``progress``,
``changes``, ``resources`` and ``auth`` as its parts; ``stdio`` / ``http`` / ``tunnel`` (the
transports); ``wire`` (both served beside the WebSocket server by ``node.serve``, under the
wire's rules); ``mount`` and ``schema`` (consuming external servers).
"""

try:
    import mcp as _sdk  # noqa: F401 - fail here, once, with the fix in the message
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "PacketFlow's MCP support needs the official MCP SDK; install the extra: "
        "pip install 'packetflow[mcp]'"
    ) from exc
