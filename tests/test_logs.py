"""No token or secret reaches a log line, whatever logs it."""

from __future__ import annotations

import logging

from bot.logs import RedactSecrets

SECRET = "signing-secret-value-123"


def make_logger(records: list[str]) -> logging.Logger:
    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(self.format(record))

    handler = Keep()
    handler.addFilter(RedactSecrets([SECRET]))
    logger = logging.getLogger("test.redaction")
    logger.handlers = [handler]
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    return logger


def test_tokens_and_secrets_are_redacted_in_messages_args_and_tracebacks() -> None:
    records: list[str] = []
    logger = make_logger(records)
    logger.warning("token %s and secret %s", "xoxb-1234-5678-abcdefgh", SECRET)
    logger.warning("app token xapp-1-A0-123456-abcdef in the text")
    try:
        raise RuntimeError(f"failed with Bearer xoxp-99999-88888-secretpart and {SECRET}")
    except RuntimeError:
        logger.exception("boom")
    joined = "\n".join(records)
    assert "xoxb-1234" not in joined and "xapp-1" not in joined and "xoxp-99999" not in joined
    assert SECRET not in joined
    assert joined.count("[redacted]") >= 5
    assert "boom" in joined and "RuntimeError" in joined


def test_ordinary_messages_pass_untouched() -> None:
    records: list[str] = []
    make_logger(records).info("candidate %s answered", "U123")
    assert records == ["candidate U123 answered"]
