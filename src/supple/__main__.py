"""``python -m supple``: the same as the ``supple`` command."""

from supple.cli.console import main

if __name__ == "__main__":
    main()
