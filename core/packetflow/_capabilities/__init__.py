"""Layer 2: typed capabilities (contracts, effects, rate limits, statistics, execution)."""
