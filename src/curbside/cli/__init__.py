"""Command-line front end: thin commands (parse → call library → render)."""
