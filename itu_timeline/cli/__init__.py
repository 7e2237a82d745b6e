"""The command line: the only layer that imports Typer. `main` assembles the app from the
command modules; `app` holds what they share."""
