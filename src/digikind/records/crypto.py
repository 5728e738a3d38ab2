"""Encryption for records: AES-GCM with a key per person, each wrapped by the organisation's key.

Keys are layered so that erasing is just forgetting a key:
- the master key comes from settings or a key file, never from the database;
- each organisation's key is derived from the master key (HKDF), so it is never stored;
- each person's key is random, stored only wrapped (encrypted) by the organisation's key;
- each entry's key is random, stored only wrapped by its person's key.
Destroying a person's wrapped key makes all their entries unreadable; destroying one entry's
wrapped key makes that entry unreadable. The encrypted text itself never changes, so the
hash chain over it still verifies.
"""

import json
import os
from typing import Any

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

NONCE = 12


def organisation_key(master: bytes, organisation_id: int) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=b"digikind-records",
        info=f"organisation:{organisation_id}".encode(),
    ).derive(master)


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def seal(key: bytes, plaintext: bytes, context: bytes) -> bytes:
    """Encrypt and authenticate; `context` (e.g. the entry's number) must match on opening."""
    nonce = os.urandom(NONCE)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, context)


def open_sealed(key: bytes, sealed: bytes, context: bytes) -> bytes:
    return AESGCM(key).decrypt(sealed[:NONCE], sealed[NONCE:], context)


def seal_json(key: bytes, data: dict[str, Any], context: bytes) -> bytes:
    return seal(key, json.dumps(data, sort_keys=True).encode(), context)


def open_json(key: bytes, sealed: bytes, context: bytes) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(open_sealed(key, sealed, context))
    return data
