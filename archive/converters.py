"""Path converters for the date archive: four-digit years, two-digit months and days."""


class _TwoDigits:
    """Match digits and keep them as the string the generic date views parse."""

    regex = "[0-9]{2}"
    width = 2

    def to_python(self, value):
        return value

    def to_url(self, value):
        return f"{int(value):0{self.width}d}"


class YearConverter(_TwoDigits):
    """A year as four digits."""

    regex = "[0-9]{4}"
    width = 4


class MonthConverter(_TwoDigits):
    """A month as 01–12; the view answers 404 for anything else."""


class DayConverter(_TwoDigits):
    """A day as 01–31; the view answers 404 for a day the month lacks."""
