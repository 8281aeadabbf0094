"""supple.model."""
