"""itu-timeline: ITU meetings and deadlines as timelines, cron alerts and iCalendar feeds.

The version comes from package metadata (`itu-timeline --version`), never a second literal.
"""
