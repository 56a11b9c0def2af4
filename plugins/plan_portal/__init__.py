"""Plan Portal: publish Vietnamese provincial plans (Kế hoạch) as a static portal."""

__version__ = "0.1.0"
