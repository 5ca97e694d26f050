"""UI tests share the e2e fixtures (window, desk, isolated QSettings)."""

from tests.e2e.conftest import desk, qsettings_tmp, window  # noqa: F401
