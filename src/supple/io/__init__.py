"""supple.io."""
