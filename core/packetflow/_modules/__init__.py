"""The module host (SPEC layer 5): decisions, the Module base class, the priority chain, fault
isolation, entry-point discovery, static config and runtime management."""
