"""Runnable examples; ``packetflow demo`` runs them end to end."""
