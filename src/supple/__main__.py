"""``python -m supple``: the same as the ``supple`` command."""

from supple.cli import main

if __name__ == "__main__":
    main()
