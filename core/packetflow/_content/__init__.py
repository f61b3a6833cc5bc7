"""What a node offers AI clients besides tools: prompts and resources (their content blocks are
in :mod:`packetflow._rich`, below the layers that use them). Plain Python and pydantic (no MCP
import): the MCP layer (:mod:`packetflow._mcp`) serves them."""
