#!/usr/bin/env python3
"""The official SMSGate Python client (PyPI android-sms-gateway, pinned in .ci/run and test.sh)
drives the fake phone (fake_phone.py): the fake must accept its requests and the client its answers,
so that the fake speaks the app's API, not only what SMS Up expects. Prints one JSON line of what it
saw; exits non-zero on any mismatch.

Usage: client_check.py <base_url> <password>
"""

import json
import sys

from android_sms_gateway import client, domain
from android_sms_gateway.enums import WebhookEvent
from android_sms_gateway.errors import APIError


def main():
    base_url, password = sys.argv[1], sys.argv[2]
    seen = {}
    with client.APIClient("sms", password, base_url=base_url) as api:
        msg = domain.Message(
            id="client-check-1",
            phone_numbers=["+60123456789"],
            text_message=domain.TextMessage(text="سلام، این یک پیام آزمایشی است"),
            with_delivery_report=True,
            sim_number=1,
        )
        state = api.send(msg)
        assert state.id == "client-check-1", state
        seen["sent_state"] = state.state.value
        again = api.get_state("client-check-1")
        assert again.recipients[0].phone_number == "+60123456789", again
        seen["state"] = again.state.value
        # The same id again: 409, which the client reports as a conflict.
        try:
            api.send(msg)
            seen["conflict"] = None
        except APIError as e:
            seen["conflict"] = e.status_code
        hook = api.create_webhook(
            domain.Webhook(id="client-check-hook", url="https://127.0.0.1:9/hook", event=WebhookEvent.SMS_RECEIVED)
        )
        assert hook.id == "client-check-hook", hook
        hooks = api.get_webhooks()
        seen["webhooks"] = sorted(h.id for h in hooks)
        api.delete_webhook("client-check-hook")
        seen["after_delete"] = sorted(h.id for h in api.get_webhooks())
        settings = api.get_settings()
        seen["processing_order"] = settings.messages.processing_order.value if settings.messages and settings.messages.processing_order else None
    wrong = client.APIClient("sms", "wrong-password", base_url=base_url)
    with wrong as api:
        try:
            api.get_state("client-check-1")
            seen["wrong_password"] = "accepted"
        except APIError as e:  # the client's own error for 401
            seen["wrong_password"] = e.status_code
    print(json.dumps(seen))


if __name__ == "__main__":
    main()
