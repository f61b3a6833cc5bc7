"""Layer 3: compositions as data (plans), their validation and their execution."""
