"""What a node offers AI clients besides tools: prompts, resources and rich content (images,
audio, embedded resources). Plain Python and pydantic (no MCP import): the MCP layer
(:mod:`packetflow._mcp`) serves them, and the wire carries rich results as JSON."""
