"""``python -m planparse``: the same as the ``planparse`` command."""

from planparse.cli import main

if __name__ == "__main__":
    main(prog_name="planparse")
