"""Authentication and authorization: signed tokens, scopes, per-token limits."""
