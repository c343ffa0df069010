"""Pages of the registry, split by area (each module stays small)."""
