"""Layer 1 wire protocol: message models (and, with the transport work, the codec)."""
