from digikind.register import services as register_services
from digikind.register.models import Channel

CHAT = {
    "platform": "whatsapp",
    "account_name": "Chat",
    "purpose": "service_delivery",
    "one_to_one": True,
    "keeps_records": "no",
}


def unrecorded_chat(organisation, **changes) -> Channel:
    """A WhatsApp chat for one-to-one support that keeps no record: two gaps on its own."""
    return register_services.create_channel(organisation, {**CHAT, **changes}, by=None)
