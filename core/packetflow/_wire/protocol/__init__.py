"""The wire protocol's connection state machines, without I/O (the h11 / hypercorn shape).

- :mod:`.server`: :class:`~.server.ServerProtocol`, the node side of one connection;
- :mod:`.admission`: the rules a message passes before the node acts on it (envelope,
  version, the scope a request needs), which need no connection state;
- :mod:`.ports`: what the server side asks of the node (:class:`~.ports.Gate`,
  :class:`~.ports.Described`);
- :mod:`.client`: :class:`~.client.ClientProtocol`, the client side of one connection;
- :mod:`.events`: the typed outputs both return (what to send, run, close...);
- :mod:`.clocks`: heartbeats and strikes, fed the time by their caller.

They parse with :mod:`packetflow._wire.codec` and read no socket and no clock: a transport
feeds them text and ticks and carries out their outputs. The trio shells are
:mod:`packetflow._wire.connection` (server) and :mod:`packetflow._client.client` (client);
the in-memory client of :mod:`packetflow.testing` runs both shells over a memory stream.
"""
