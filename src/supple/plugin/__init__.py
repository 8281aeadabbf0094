"""The plugin system: the hooks, the typed contributions plugins return, finding, selecting and
loading plugins in isolation, and the registry commands look contributions up in."""
