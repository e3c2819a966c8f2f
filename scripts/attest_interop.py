"""Checks Grunnmur's attestations with an independent JOSE implementation (joserfc, on the
cryptography package): the token verifies with the issuer's public JWK, and the same token
with one changed payload byte does not. Used by scripts/attest-interop.sh."""
import base64
import json
import sys

from joserfc import jws
from joserfc.errors import BadSignatureError
from joserfc.jwk import OKPKey

token = open(sys.argv[1]).read().strip()
key = OKPKey.import_key(json.load(open(sys.argv[2])))

obj = jws.deserialize_compact(token, key, algorithms=["EdDSA"])
header = obj.protected
payload = json.loads(obj.payload)
assert header["alg"] == "EdDSA", header
assert header["kid"] == key.kid or header["kid"] == key.thumbprint(), header
assert payload["sub"] and payload["baselines"], payload
print(f"joserfc: valid, {payload['body']['name']} ({payload['sub']}), kid {header['kid']}")

h, p, s = token.split(".")
raw = bytearray(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))
raw[len(raw) // 2] ^= 0x01
forged = ".".join([h, base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode(), s])
try:
    jws.deserialize_compact(forged, key, algorithms=["EdDSA"])
except BadSignatureError:
    print("joserfc: a changed byte is refused")
else:
    sys.exit("joserfc accepted a changed payload")
