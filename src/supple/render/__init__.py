"""supple.render."""
