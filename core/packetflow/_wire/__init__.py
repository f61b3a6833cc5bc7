"""Layer 1 wire protocol: message models, the pure codec, and the trio-websocket server."""
