"""CPC Desk's Qt screens: thin widgets over the services in app/."""
