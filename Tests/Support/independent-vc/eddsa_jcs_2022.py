#!/usr/bin/env python3
"""An independent eddsa-jcs-2022 verifier and signer, written from the W3C specification
("Data Integrity EdDSA Cryptosuites v1.0", section 3.3) with none of HocSo's code: JCS from
PyPI's rfc8785, Ed25519 from cryptography, base58btc from base58.

    eddsa_jcs_2022.py verify FILE          prints "ok <issuer did>" or "fail <reason>" (exit 1)
    eddsa_jcs_2022.py sign FILE CREATED    signs the credential in FILE with a new key whose
                                           did:key becomes its issuer; prints the credential
"""
import hashlib
import json
import sys

import base58
import rfc8785
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ED25519_PUB = b"\xed\x01"


def did_key(public_bytes):
    return "did:key:z" + base58.b58encode(ED25519_PUB + public_bytes).decode()


def public_key(verification_method):
    did, _, fragment = verification_method.partition("#")
    if not did.startswith("did:key:z"):
        raise ValueError("not a did:key")
    multibase = did[len("did:key:"):]
    if fragment and fragment != multibase:
        raise ValueError("fragment is not the key")
    raw = base58.b58decode(multibase[1:])
    if raw[:2] != ED25519_PUB or len(raw) != 34:
        raise ValueError("not an Ed25519 key")
    return Ed25519PublicKey.from_public_bytes(raw[2:]), did


def hash_data(document, proof_config):
    return hashlib.sha256(rfc8785.dumps(proof_config)).digest() + hashlib.sha256(rfc8785.dumps(document)).digest()


def verify(secured):
    proof = secured.get("proof")
    if not isinstance(proof, dict):
        return "no proof"
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != "eddsa-jcs-2022":
        return "not eddsa-jcs-2022"
    document = {k: v for k, v in secured.items() if k != "proof"}
    options = {k: v for k, v in proof.items() if k != "proofValue"}
    value = proof.get("proofValue", "")
    if not value.startswith("z"):
        return "proofValue is not base58btc"
    signature = base58.b58decode(value[1:])
    if "@context" in options:
        context = options["@context"]
        if document.get("@context", [])[: len(context)] != context:
            return "proof context does not match"
        document["@context"] = context
    try:
        key, did = public_key(options.get("verificationMethod", ""))
    except ValueError as error:
        return "verification method: %s" % error
    try:
        key.verify(signature, hash_data(document, options))
    except InvalidSignature:
        return "bad signature"
    issuer = secured.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    if issuer_id != did:
        return "issuer is not the signer"
    return None, did


def sign(document, created):
    key = Ed25519PrivateKey.generate()
    did = did_key(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))
    document = {k: v for k, v in document.items() if k != "proof"}
    issuer = document.get("issuer")
    if isinstance(issuer, dict):
        issuer["id"] = did
    else:
        document["issuer"] = did
    options = {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-jcs-2022",
        "created": created,
        "verificationMethod": did + "#" + did[len("did:key:"):],
        "proofPurpose": "assertionMethod",
    }
    if "@context" in document:
        options["@context"] = document["@context"]
    signature = key.sign(hash_data(document, options))
    options["proofValue"] = "z" + base58.b58encode(signature).decode()
    document["proof"] = options
    return document


def main(argv):
    if len(argv) >= 3 and argv[1] == "verify":
        with open(argv[2], encoding="utf-8") as handle:
            result = verify(json.load(handle))
        if isinstance(result, tuple):
            print("ok " + result[1])
            return 0
        print("fail " + result)
        return 1
    if len(argv) >= 4 and argv[1] == "sign":
        with open(argv[2], encoding="utf-8") as handle:
            print(json.dumps(sign(json.load(handle), argv[3]), ensure_ascii=False, indent=2))
        return 0
    print(__doc__, file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv))
