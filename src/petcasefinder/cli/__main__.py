"""``python -m petcasefinder.cli``: the same command line as the ``petcasefinder`` script."""

from . import main

if __name__ == "__main__":
    main(prog_name="petcasefinder")
