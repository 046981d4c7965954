"""FAQ and crisis-escalation bot for a Klonopin (clonazepam) recovery community."""

__version__ = "0.1.0"
