"""supple.plugin."""
