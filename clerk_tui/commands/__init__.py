"""One module per subcommand of ``clerk-tui``; each has ``register(subparsers)`` and sets a
``handler(args) -> int`` default. Errors are raised as ClerkError/StorageError: cli.main turns
them into one line on stderr and exit status 2."""
