"""supple.pipeline."""
