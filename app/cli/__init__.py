"""The command line: thin handlers over the services. No domain module imports this package."""
