"""Input and output: TOML files read with located errors (a strict converter, no coercion), the
user's config directory, and files written whole or not at all."""
