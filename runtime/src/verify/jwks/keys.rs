//! A JWK Set (RFC 7517 §5) as the verifier holds it: each usable signing key parsed once into
//! a `DecodingKey`, with the one algorithm it verifies, and indexed by its `kid`.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};

use jsonwebtoken::jwk::{AlgorithmParameters, EllipticCurve, Jwk, KeyOperations, PublicKeyUse};
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde::Deserialize;
use serde_json::Value;

use crate::verify::token_cache::KeyId;

/// The signing keys of one fetched JWK Set.
pub(super) struct KeySet {
    by_kid: HashMap<String, Key>,
    /// Keys the provider published without a `kid`: a token without one may use them.
    unnamed: Vec<Key>,
    /// What was left out, for the log line that reports the set.
    skipped: Vec<Skipped>,
}

/// One signing key, ready to verify: its `Validation` already accepts its algorithm only, so
/// a token's `alg` can never pick another.
pub(super) struct Key {
    pub(super) decoding: DecodingKey,
    pub(super) validation: Validation,
    /// Names the key to the verified tokens it signed (a token cache's entries): unique
    /// among the keys this process installs, and kept by a later set that publishes the same
    /// key again (see [`KeySet::keep_ids_of`]).
    pub(super) id: KeyId,
    /// The key as published, to recognise it in a later set.
    jwk: Jwk,
}

/// The next [`KeyId`] to give out. They start past `0`, [`KeyId::ONLY`], a single-key
/// verifier's (whose cache holds no key of a set, so the two never meet; apart, they read
/// better in a debugger).
static NEXT_KEY_ID: AtomicU64 = AtomicU64::new(1);

fn next_key_id() -> KeyId {
    KeyId(NEXT_KEY_ID.fetch_add(1, Ordering::Relaxed))
}

/// Why a key of the document was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Skipped {
    /// Not a JWK this verifier can read (an unknown `kty`, a member of the wrong type…).
    Unreadable,
    /// `use` is not `sig`, or `key_ops` does not include `verify`.
    NotForSignatures,
    /// A symmetric (`oct`) key: whoever can read the set could sign with it.
    Symmetric,
    /// Its algorithm (named, or implied by its type and curve) is not one the verifier
    /// accepts, or is not a signature algorithm, or does not fit the key's type.
    Algorithm,
    /// The key material does not parse (bad base64, a curve `jsonwebtoken` lacks…).
    BadKey,
    /// A second key with a `kid` already seen: the first one is kept.
    DuplicateKid,
}

/// Why no key of the set verifies a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Miss {
    /// The token's `kid` is not in the set (or, without a `kid`, no single key fits).
    UnknownKey,
    /// The `kid` names a key of another algorithm than the token's `alg`.
    WrongAlgorithm,
}

/// The members of a JWK Set document the verifier reads; each key is read on its own, so one
/// key it cannot read does not cost it the others.
#[derive(Deserialize)]
struct Document {
    keys: Vec<Value>,
}

impl KeySet {
    /// The usable signing keys of the JWK Set `document`, each checked with `base` (its
    /// `algorithms` replaced by the key's own) and accepted only for an algorithm of
    /// `allowed`. Fails only when the document is not a JWK Set at all.
    pub(super) fn parse(
        document: &[u8],
        allowed: &[Algorithm],
        base: &Validation,
    ) -> Result<Self, serde_json::Error> {
        let Document { keys } = serde_json::from_slice(document)?;
        let mut set = Self {
            by_kid: HashMap::with_capacity(keys.len()),
            unnamed: Vec::new(),
            skipped: Vec::new(),
        };
        for key in keys {
            let Ok(jwk) = Jwk::deserialize(key) else {
                set.skipped.push(Skipped::Unreadable);
                continue;
            };
            match Key::from_jwk(&jwk, allowed, base) {
                Err(skipped) => set.skipped.push(skipped),
                Ok(key) => match jwk.common.key_id {
                    None => set.unnamed.push(key),
                    Some(kid) if set.by_kid.contains_key(&kid) => {
                        set.skipped.push(Skipped::DuplicateKid);
                    }
                    Some(kid) => {
                        set.by_kid.insert(kid, key);
                    }
                },
            }
        }
        Ok(set)
    }

    /// Gives each key that `previous` held already, with the same `kid` and the same
    /// parameters, the id it had there: the tokens it signed stay cached across a refresh
    /// that does not change it.
    pub(super) fn keep_ids_of(&mut self, previous: &Self) {
        for (kid, key) in &mut self.by_kid {
            if let Some(old) = previous.by_kid.get(kid).filter(|old| old.jwk == key.jwk) {
                key.id = old.id;
            }
        }
        for key in &mut self.unnamed {
            if let Some(old) = previous.unnamed.iter().find(|old| old.jwk == key.jwk) {
                key.id = old.id;
            }
        }
    }

    /// Whether the key `id` is in the set.
    pub(super) fn holds(&self, id: KeyId) -> bool {
        self.by_kid
            .values()
            .chain(&self.unnamed)
            .any(|key| key.id == id)
    }

    /// A set with no keys: what the verifier holds before its first fetch succeeds.
    pub(super) fn empty() -> Self {
        Self {
            by_kid: HashMap::new(),
            unnamed: Vec::new(),
            skipped: Vec::new(),
        }
    }

    /// The key for a token whose header says `kid` and `alg`. A token without a `kid` gets
    /// the one key of its algorithm that has no `kid` either, if there is exactly one: with
    /// several, trying each would multiply the cost of a forged token.
    pub(super) fn find(&self, kid: Option<&str>, alg: Algorithm) -> Result<&Key, Miss> {
        let key = if let Some(kid) = kid {
            self.by_kid.get(kid).ok_or(Miss::UnknownKey)?
        } else {
            let mut fitting = self.unnamed.iter().filter(|key| key.algorithm() == alg);
            match (fitting.next(), fitting.next()) {
                (Some(key), None) => key,
                _ => return Err(Miss::UnknownKey),
            }
        };
        if key.algorithm() == alg {
            Ok(key)
        } else {
            Err(Miss::WrongAlgorithm)
        }
    }

    /// How many keys the set holds.
    pub(super) fn len(&self) -> usize {
        self.by_kid.len() + self.unnamed.len()
    }

    /// The `kid`s the set holds, for the log line that reports a new set.
    pub(super) fn kids(&self) -> impl Iterator<Item = &str> {
        self.by_kid.keys().map(String::as_str)
    }

    /// The keys of the document that were left out, and why.
    pub(super) fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }
}

impl Key {
    fn from_jwk(jwk: &Jwk, allowed: &[Algorithm], base: &Validation) -> Result<Self, Skipped> {
        let common = &jwk.common;
        let for_signatures = match &common.public_key_use {
            None | Some(PublicKeyUse::Signature) => true,
            Some(PublicKeyUse::Encryption | PublicKeyUse::Other(_)) => false,
        } && common
            .key_operations
            .as_ref()
            .is_none_or(|operations| operations.contains(&KeyOperations::Verify));
        if !for_signatures {
            return Err(Skipped::NotForSignatures);
        }
        let algorithm = algorithm_of(jwk)?;
        if !allowed.contains(&algorithm) {
            return Err(Skipped::Algorithm);
        }
        let decoding = DecodingKey::from_jwk(jwk).map_err(|_| Skipped::BadKey)?;
        let mut validation = base.clone();
        validation.algorithms = vec![algorithm];
        Ok(Self {
            decoding,
            validation,
            id: next_key_id(),
            jwk: jwk.clone(),
        })
    }

    fn algorithm(&self) -> Algorithm {
        self.validation.algorithms[0]
    }
}

/// The one algorithm a key verifies: its `alg` when the JWK names one (RFC 7517 §4.4), else
/// the one its type and curve imply. A token's header never decides it: that is how an RSA
/// public key ends up used as an HMAC secret.
fn algorithm_of(jwk: &Jwk) -> Result<Algorithm, Skipped> {
    let implied = match &jwk.algorithm {
        AlgorithmParameters::OctetKey(_) => return Err(Skipped::Symmetric),
        // RFC 7518 §3.3: RS256 is the RSA signature every verifier implements, and what
        // identity providers that omit `alg` (Entra ID, for one) sign with.
        AlgorithmParameters::RSA(_) => Algorithm::RS256,
        AlgorithmParameters::EllipticCurve(params) => match params.curve {
            EllipticCurve::P256 => Algorithm::ES256,
            EllipticCurve::P384 => Algorithm::ES384,
            _ => return Err(Skipped::Algorithm),
        },
        AlgorithmParameters::OctetKeyPair(params) => match params.curve {
            EllipticCurve::Ed25519 => Algorithm::EdDSA,
            _ => return Err(Skipped::Algorithm),
        },
        // `Other`, and any key type a later `jsonwebtoken` adds.
        _ => return Err(Skipped::Unreadable),
    };
    let Some(named) = jwk.common.key_algorithm else {
        return Ok(implied);
    };
    // `KeyAlgorithm` also lists encryption algorithms (`RSA-OAEP`…) and a catch-all; only
    // the names `Algorithm` knows are signature algorithms.
    // (Their variant names, which `Display` prints, are their JOSE names.)
    let named = Algorithm::from_str(&named.to_string()).map_err(|_| Skipped::Algorithm)?;
    // The named algorithm must be of the key's family (an `alg: HS256` on an RSA key is not
    // a key to trust), and for a curve, of the curve's size.
    let fits = match implied {
        Algorithm::RS256 => matches!(
            named,
            Algorithm::RS256
                | Algorithm::RS384
                | Algorithm::RS512
                | Algorithm::PS256
                | Algorithm::PS384
                | Algorithm::PS512
        ),
        _ => named == implied,
    };
    if fits {
        Ok(named)
    } else {
        Err(Skipped::Algorithm)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const N: &str = "sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw";
    const E: &str = "AQAB";
    const X: &str = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    const EC_X: &str = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
    const EC_Y: &str = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";

    fn rsa(extra: &Value) -> Value {
        let mut key = json!({"kty": "RSA", "n": N, "e": E});
        key.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        key
    }

    fn parse(keys: Value) -> KeySet {
        let document = serde_json::to_vec(&Value::Object(
            [("keys".to_owned(), keys)].into_iter().collect(),
        ))
        .unwrap();
        KeySet::parse(&document, &ALL, &Validation::new(Algorithm::RS256)).unwrap()
    }

    const ALL: [Algorithm; 4] = [
        Algorithm::RS256,
        Algorithm::PS256,
        Algorithm::ES256,
        Algorithm::EdDSA,
    ];

    #[test]
    fn each_key_verifies_the_algorithm_its_jwk_names_or_implies() {
        let set = parse(json!([
            rsa(&json!({"kid": "rsa"})),
            rsa(&json!({"kid": "pss", "alg": "PS256"})),
            {"kty": "EC", "crv": "P-256", "x": EC_X, "y": EC_Y, "kid": "ec"},
            {"kty": "OKP", "crv": "Ed25519", "x": X, "kid": "ed"},
        ]));
        assert_eq!(set.len(), 4);
        for (kid, alg) in [
            ("rsa", Algorithm::RS256),
            ("pss", Algorithm::PS256),
            ("ec", Algorithm::ES256),
            ("ed", Algorithm::EdDSA),
        ] {
            let key = set.find(Some(kid), alg).unwrap();
            assert_eq!(key.validation.algorithms, [alg], "{kid}");
        }
        // The header's `alg` never picks another algorithm for a known key.
        assert_eq!(
            set.find(Some("rsa"), Algorithm::HS256).err(),
            Some(Miss::WrongAlgorithm)
        );
        assert_eq!(
            set.find(Some("rsa"), Algorithm::PS256).err(),
            Some(Miss::WrongAlgorithm)
        );
        assert_eq!(
            set.find(Some("other"), Algorithm::RS256).err(),
            Some(Miss::UnknownKey)
        );
        assert!(set.skipped().is_empty());
    }

    #[test]
    fn keys_not_for_signatures_symmetric_or_of_refused_algorithms_are_left_out() {
        let set = parse(json!([
            rsa(&json!({"kid": "enc", "use": "enc"})),
            rsa(&json!({"kid": "wrap", "key_ops": ["wrapKey"]})),
            rsa(&json!({"kid": "oaep", "alg": "RSA-OAEP"})),
            rsa(&json!({"kid": "hmac-named", "alg": "HS256"})),
            rsa(&json!({"kid": "rs512", "alg": "RS512"})),
            {"kty": "oct", "k": "c2VjcmV0", "kid": "oct"},
            {"kty": "EC", "crv": "P-256", "x": EC_X, "y": EC_Y, "alg": "ES384", "kid": "ec"},
            {"kty": "XYZ", "kid": "unknown"},
            {"kty": "OKP", "crv": "Ed25519", "x": "***", "kid": "bad"},
            rsa(&json!({"kid": "sig", "use": "sig", "key_ops": ["verify"]})),
            rsa(&json!({"kid": "sig"})),
        ]));
        assert_eq!(set.kids().collect::<Vec<_>>(), ["sig"]);
        assert_eq!(
            set.skipped(),
            [
                Skipped::NotForSignatures,
                Skipped::NotForSignatures,
                Skipped::Algorithm,
                Skipped::Algorithm,
                // RS512 is an RSA algorithm, but not one `ALL` accepts.
                Skipped::Algorithm,
                Skipped::Symmetric,
                Skipped::Algorithm,
                Skipped::Unreadable,
                Skipped::BadKey,
                Skipped::DuplicateKid,
            ]
        );
    }

    #[test]
    fn a_token_without_kid_gets_the_one_unnamed_key_of_its_algorithm() {
        let set = parse(json!([rsa(&json!({})), {"kty": "OKP", "crv": "Ed25519", "x": X}]));
        assert!(set.find(None, Algorithm::RS256).is_ok());
        assert!(set.find(None, Algorithm::EdDSA).is_ok());
        assert_eq!(
            set.find(None, Algorithm::ES256).err(),
            Some(Miss::UnknownKey)
        );
        let two = parse(json!([rsa(&json!({})), rsa(&json!({}))]));
        assert_eq!(
            two.find(None, Algorithm::RS256).err(),
            Some(Miss::UnknownKey)
        );
        let named = parse(json!([rsa(&json!({"kid": "a"}))]));
        assert_eq!(
            named.find(None, Algorithm::RS256).err(),
            Some(Miss::UnknownKey)
        );
    }

    #[test]
    fn a_document_that_is_not_a_key_set_is_an_error_and_an_empty_one_is_not() {
        let base = Validation::new(Algorithm::RS256);
        assert!(KeySet::parse(b"{}", &ALL, &base).is_err());
        assert!(KeySet::parse(b"<html>", &ALL, &base).is_err());
        assert!(KeySet::parse(br#"{"keys": {}}"#, &ALL, &base).is_err());
        assert_eq!(
            KeySet::parse(br#"{"keys": []}"#, &ALL, &base)
                .unwrap()
                .len(),
            0
        );
        assert_eq!(KeySet::empty().len(), 0);
    }
}
