"""`python -m autograd_playground_probe script.py [args...]`: see the package's docstring."""

import sys


def main():
    if len(sys.argv) < 2 or sys.argv[1] in ("-h", "--help"):
        sys.stderr.write("usage: python -m autograd_playground_probe script.py [args...]\n")
        return 2
    from .runner import run

    return run(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
