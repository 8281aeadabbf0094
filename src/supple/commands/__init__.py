"""The commands of the supple CLI, one module each, imported only when run."""
