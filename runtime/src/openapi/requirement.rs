//! Security Requirement Objects and the `components.securitySchemes` map.

use authscheme_grammar::text::is_component_name;
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::json;
use super::pointer::Pointer;
use super::{Error, List, OpenApiVersion, SecurityScheme, SecuritySchemeKind, Text, Versioned};

/// What [`Error::Unsupported`] names for role names before 3.1 and URI keys before 3.2.
const ROLE_NAMES: &str = "a non-empty list for a scheme other than `oauth2`/`openIdConnect`";
const URI_KEY: &str = "a security scheme URI as a requirement key";

/// One Security Requirement Object: every listed scheme must be satisfied (AND).
///
/// An operation's `security` is a list of these, any one of which suffices (OR); the empty
/// object `{}` ([`SecurityRequirement::ANONYMOUS`]) means anonymous access is allowed.
///
/// ```
/// use authscheme::openapi::{List, OpenApiVersion, SecurityRequirement, Text};
///
/// // In a `const`: `'static` data only, each slice its own `const` item.
/// const SCOPES: &[Text] = &[Text::Borrowed("read:pets"), Text::Borrowed("read:pets")];
/// const ENTRIES: &[(Text, List<Text>)] = &[SecurityRequirement::entry("petstore_auth", SCOPES)];
/// const READ: SecurityRequirement = SecurityRequirement::new(ENTRIES);
/// // Scopes are written without duplicates, in declaration order.
/// assert_eq!(
///     READ.to_json(OpenApiVersion::V3_1)?,
///     serde_json::json!({"petstore_auth": ["read:pets"]})
/// );
///
/// // At run time: a builder.
/// let both = SecurityRequirement::default().with("api_key", [""; 0]).with("jwt", ["admin"]);
/// assert_eq!(both.to_json(OpenApiVersion::V3_1)?.to_string(), r#"{"api_key":[],"jwt":["admin"]}"#);
/// assert_eq!(SecurityRequirement::ANONYMOUS.to_json(OpenApiVersion::V3_0)?.to_string(), "{}");
/// # Ok::<(), authscheme::openapi::Error>(())
/// ```
///
/// Whether the scopes suit the scheme (OpenAPI 3.0 allows them only for `oauth2` and
/// `openIdConnect`) and whether the scheme exists depends on `components.securitySchemes`:
/// [`SecuritySchemes::check_requirement`] checks that.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecurityRequirement {
    /// `(scheme name, required scopes or roles)`, in declaration order.
    pub schemes: List<(Text, List<Text>)>,
}

impl Default for SecurityRequirement {
    /// [`SecurityRequirement::ANONYMOUS`].
    fn default() -> Self {
        Self::ANONYMOUS
    }
}

impl SecurityRequirement {
    /// `{}`: anonymous access is allowed.
    pub const ANONYMOUS: Self = Self {
        schemes: List::Borrowed(&[]),
    };

    /// A requirement from `'static` entries (see [`SecurityRequirement::entry`]).
    pub const fn new(schemes: &'static [(Text, List<Text>)]) -> Self {
        Self {
            schemes: List::Borrowed(schemes),
        }
    }

    /// One entry of [`SecurityRequirement::new`]: a scheme name and its required scopes.
    pub const fn entry(name: &'static str, scopes: &'static [Text]) -> (Text, List<Text>) {
        (Text::Borrowed(name), List::Borrowed(scopes))
    }

    /// Adds `name` with `scopes` to the schemes that must all be satisfied (run-time builder).
    #[must_use]
    pub fn with<S: Into<Text>>(
        mut self,
        name: impl Into<Text>,
        scopes: impl IntoIterator<Item = S>,
    ) -> Self {
        let scopes = scopes.into_iter().map(Into::into).collect::<Vec<_>>();
        self.schemes
            .to_mut()
            .push((name.into(), List::Owned(scopes)));
        self
    }

    /// Whether this is `{}` (anonymous access allowed).
    pub fn is_anonymous(&self) -> bool {
        self.schemes.is_empty()
    }

    /// The scheme names and their scopes, in declaration order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[Text])> {
        self.schemes
            .iter()
            .map(|(name, scopes)| (&**name, &**scopes))
    }

    /// The requirement checked for `version`, ready to serialize (see [`Versioned`]).
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] when a scheme is listed twice or a key is not a component name
    /// (`^[a-zA-Z0-9.\-_]+$`) nor, from 3.2 on, a URI reference; [`Error::Unsupported`] for
    /// a URI key before 3.2.
    pub fn versioned(&self, version: OpenApiVersion) -> Result<Versioned<'_, Self>, Error> {
        self.check(version, &Pointer::Root)?;
        Ok(Versioned::trusted(self, version))
    }

    /// The Security Requirement Object as JSON: `{name: [scopes...]}`, each list an array
    /// (`[]` when empty) with duplicate scopes dropped, keeping the first.
    ///
    /// # Errors
    ///
    /// As [`SecurityRequirement::versioned`].
    pub fn to_json(&self, version: OpenApiVersion) -> Result<Value, Error> {
        self.versioned(version)?.to_value()
    }

    /// Reads a Security Requirement Object. Scopes are kept as written (duplicates included).
    ///
    /// ```
    /// use authscheme::openapi::{OpenApiVersion, SecurityRequirement};
    ///
    /// let json = serde_json::json!({"petstore_auth": ["read:pets", 7]});
    /// let err = SecurityRequirement::from_json(&json, OpenApiVersion::V3_1).unwrap_err();
    /// assert_eq!(err.to_string(), "/petstore_auth/1: expected a string, found a number");
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] for a non-object, a value that is not an array of strings, or a key
    /// [`SecurityRequirement::versioned`] rejects.
    pub fn from_json(value: &Value, version: OpenApiVersion) -> Result<Self, Error> {
        Self::read(value, version, &Pointer::Root)
    }

    pub(crate) fn check(&self, version: OpenApiVersion, at: &Pointer<'_>) -> Result<(), Error> {
        for (index, (name, _)) in self.schemes.iter().enumerate() {
            let here = at.key(name);
            if !is_component_name(name) {
                if json::uri_reference_problem(name).is_some() {
                    let mut message = json::bad_component_name(name);
                    if version.at_least(OpenApiVersion::V3_2) {
                        message.push_str(" or be a URI reference");
                    }
                    return Err(Error::invalid(&here, message));
                }
                Error::gate(&here, URI_KEY, OpenApiVersion::V3_2, version)?;
            }
            if self.schemes[..index].iter().any(|(other, _)| other == name) {
                return Err(Error::invalid(
                    &here,
                    format!("security scheme `{name}` is listed twice in one requirement"),
                ));
            }
        }
        Ok(())
    }

    pub(crate) fn read(
        value: &Value,
        version: OpenApiVersion,
        at: &Pointer<'_>,
    ) -> Result<Self, Error> {
        let map = json::object(value, at)?;
        let mut schemes = Vec::with_capacity(map.len());
        for (name, scopes) in map {
            let here = at.key(name);
            let scopes = json::array(scopes, &here)?
                .iter()
                .enumerate()
                .map(|(index, scope)| json::text(scope, &here.index(index)))
                .collect::<Result<Vec<_>, _>>()?;
            schemes.push((Text::Owned(name.clone()), List::Owned(scopes)));
        }
        let requirement = Self {
            schemes: List::Owned(schemes),
        };
        requirement.check(version, at)?;
        Ok(requirement)
    }
}

/// A scope list without duplicates, first occurrence kept.
struct Deduplicated<'a>(&'a [Text]);

impl Serialize for Deduplicated<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for (index, scope) in self.0.iter().enumerate() {
            if !self.0[..index].contains(scope) {
                seq.serialize_element(scope)?;
            }
        }
        seq.end()
    }
}

impl Serialize for Versioned<'_, SecurityRequirement> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(
            self.value
                .schemes
                .iter()
                .map(|(name, scopes)| (&**name, Deduplicated(scopes))),
        )
    }
}

/// Writes the requirement with OpenAPI 3.2's rules; use [`SecurityRequirement::versioned`]
/// or [`SecuritySchemes::requirement_to_json`] to target a version.
impl Serialize for SecurityRequirement {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.versioned(OpenApiVersion::V3_2)
            .map_err(serde::ser::Error::custom)?
            .serialize(serializer)
    }
}

/// Reads the requirement with OpenAPI 3.2's rules; use [`SecurityRequirement::from_json`] to
/// pick a version.
impl<'de> Deserialize<'de> for SecurityRequirement {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Self::from_json(&value, OpenApiVersion::V3_2).map_err(serde::de::Error::custom)
    }
}

/// The `components.securitySchemes` map: component names to schemes, in insertion order.
///
/// ```
/// use authscheme::openapi::{
///     ApiKeyLocation, OAuthFlow, OAuthFlows, OpenApiVersion, SecurityRequirement,
///     SecurityScheme, SecuritySchemes,
/// };
///
/// let mut schemes = SecuritySchemes::new();
/// schemes.insert("api_key", SecurityScheme::api_key("X-API-Key", ApiKeyLocation::Header))?;
/// schemes.insert(
///     "OAuth2PasswordBearer",
///     SecurityScheme::oauth2(OAuthFlows::single(OAuthFlow::password("token", &[]))),
/// )?;
/// assert_eq!(
///     schemes.to_json_string(OpenApiVersion::V3_0)?,
///     r#"{"api_key":{"type":"apiKey","in":"header","name":"X-API-Key"},"OAuth2PasswordBearer":{"type":"oauth2","flows":{"password":{"scopes":{},"tokenUrl":"token"}}}}"#
/// );
///
/// // An operation's `security`: anonymous, or the password flow with a scope.
/// let security = [
///     SecurityRequirement::ANONYMOUS,
///     SecurityRequirement::default().with("OAuth2PasswordBearer", ["items:read"]),
/// ];
/// assert_eq!(
///     schemes.security_to_json(&security, OpenApiVersion::V3_0)?.to_string(),
///     r#"[{},{"OAuth2PasswordBearer":["items:read"]}]"#
/// );
///
/// // OpenAPI 3.0 allows no role names for an API key.
/// let roles = SecurityRequirement::default().with("api_key", ["admin"]);
/// assert!(schemes.requirement_to_json(&roles, OpenApiVersion::V3_0).is_err());
/// assert!(schemes.requirement_to_json(&roles, OpenApiVersion::V3_1).is_ok());
/// # Ok::<(), authscheme::openapi::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SecuritySchemes {
    entries: Vec<(Text, SecurityScheme)>,
}

impl SecuritySchemes {
    /// An empty map.
    pub const fn new() -> Self {
        Self {
            entries: Vec::new(),
        }
    }

    /// Adds `scheme` under `name`.
    ///
    /// Inserting the same scheme again under the same name does nothing; the first position
    /// is kept.
    ///
    /// ```
    /// use authscheme::openapi::{SecurityScheme, SecuritySchemes};
    ///
    /// let mut schemes = SecuritySchemes::new();
    /// schemes.insert("basic", SecurityScheme::http("basic"))?;
    /// schemes.insert("basic", SecurityScheme::http("basic"))?;
    /// assert_eq!(schemes.len(), 1);
    ///
    /// let clash = schemes.insert("basic", SecurityScheme::http("digest")).unwrap_err();
    /// assert_eq!(
    ///     clash.to_string(),
    ///     "/basic: security scheme `basic` is already declared with a different definition"
    /// );
    /// assert!(schemes.insert("my auth", SecurityScheme::http("basic")).is_err());
    /// # Ok::<(), authscheme::openapi::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] when `name` does not match `^[a-zA-Z0-9.\-_]+$` or a different
    /// scheme already has this name. The scheme itself is checked when it is written.
    pub fn insert(&mut self, name: impl Into<Text>, scheme: SecurityScheme) -> Result<(), Error> {
        let name = name.into();
        let at = Pointer::Root;
        let here = at.key(&name);
        if !is_component_name(&name) {
            return Err(Error::invalid(&here, json::bad_component_name(&name)));
        }
        match self.get(&name) {
            Some(existing) if *existing == scheme => Ok(()),
            Some(_) => Err(Error::invalid(
                &here,
                format!("security scheme `{name}` is already declared with a different definition"),
            )),
            None => {
                self.entries.push((name, scheme));
                Ok(())
            }
        }
    }

    /// Adds the scheme a type declares with `#[derive(SecurityScheme)]`, under its name.
    ///
    /// # Errors
    ///
    /// As [`SecuritySchemes::insert`].
    pub fn register<S: crate::SecurityScheme>(&mut self) -> Result<(), Error> {
        self.insert(S::NAME, S::openapi().clone())
    }

    /// The scheme named `name`.
    pub fn get(&self, name: &str) -> Option<&SecurityScheme> {
        self.entries
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, scheme)| scheme)
    }

    /// The names and schemes, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &SecurityScheme)> {
        self.entries.iter().map(|(name, scheme)| (&**name, scheme))
    }

    /// How many schemes there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The map checked for `version`, ready to serialize (see [`Versioned`]).
    ///
    /// # Errors
    ///
    /// As [`SecurityScheme::versioned`] for each scheme, with paths below its name.
    pub fn versioned(&self, version: OpenApiVersion) -> Result<Versioned<'_, Self>, Error> {
        self.check(version, &Pointer::Root)?;
        Ok(Versioned::trusted(self, version))
    }

    /// `components.securitySchemes` as JSON for `version`, in insertion order.
    ///
    /// # Errors
    ///
    /// As [`SecuritySchemes::versioned`].
    pub fn to_json(&self, version: OpenApiVersion) -> Result<Value, Error> {
        self.versioned(version)?.to_value()
    }

    /// `components.securitySchemes` as compact JSON text for `version`.
    ///
    /// # Errors
    ///
    /// As [`SecuritySchemes::versioned`].
    pub fn to_json_string(&self, version: OpenApiVersion) -> Result<String, Error> {
        self.versioned(version)?.to_text()
    }

    /// Reads `components.securitySchemes`, keeping the order of the input.
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] for a non-object, a name that does not match
    /// `^[a-zA-Z0-9.\-_]+$`, or an invalid scheme (paths below its name);
    /// [`Error::Unsupported`] for a field `version` cannot express.
    pub fn from_json(value: &Value, version: OpenApiVersion) -> Result<Self, Error> {
        let at = Pointer::Root;
        let map = json::object(value, &at)?;
        let mut schemes = Self::new();
        for (name, scheme) in map {
            let scheme = SecurityScheme::read(scheme, version, &at.key(name))?;
            schemes.insert(Text::Owned(name.clone()), scheme)?;
        }
        Ok(schemes)
    }

    /// Checks `requirement` against these schemes for `version`: what
    /// [`SecurityRequirement::versioned`] checks, plus that every scheme it names is in this
    /// map (a URI key, 3.2, must be too) and, for OpenAPI 3.0, that only `oauth2` and
    /// `openIdConnect` schemes list scopes (3.1 calls the others' lists role names).
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] for an unknown scheme, [`Error::Unsupported`] for role names on
    /// 3.0, and the errors of [`SecurityRequirement::versioned`]. Paths are relative to the
    /// requirement (`/api_key`).
    pub fn check_requirement(
        &self,
        requirement: &SecurityRequirement,
        version: OpenApiVersion,
    ) -> Result<(), Error> {
        self.check_requirement_at(requirement, version, &Pointer::Root)
    }

    fn check_requirement_at(
        &self,
        requirement: &SecurityRequirement,
        version: OpenApiVersion,
        at: &Pointer<'_>,
    ) -> Result<(), Error> {
        requirement.check(version, at)?;
        for (name, scopes) in requirement.iter() {
            let here = at.key(name);
            let scheme = self.get(name).ok_or_else(|| {
                Error::invalid(&here, format!("unknown security scheme `{name}`"))
            })?;
            let scoped = matches!(
                scheme.kind,
                SecuritySchemeKind::OAuth2 { .. } | SecuritySchemeKind::OpenIdConnect { .. }
            );
            if !scoped && !scopes.is_empty() {
                Error::gate(&here, ROLE_NAMES, OpenApiVersion::V3_1, version)?;
            }
        }
        Ok(())
    }

    /// `requirement` as JSON, after [`SecuritySchemes::check_requirement`].
    ///
    /// # Errors
    ///
    /// As [`SecuritySchemes::check_requirement`].
    pub fn requirement_to_json(
        &self,
        requirement: &SecurityRequirement,
        version: OpenApiVersion,
    ) -> Result<Value, Error> {
        self.check_requirement(requirement, version)?;
        Versioned::trusted(requirement, version).to_value()
    }

    /// An operation's (or the document's) `security` array, each requirement checked as
    /// [`SecuritySchemes::check_requirement`] does. Paths start with the index (`/1/api_key`).
    ///
    /// # Errors
    ///
    /// As [`SecuritySchemes::check_requirement`].
    pub fn security_to_json(
        &self,
        requirements: &[SecurityRequirement],
        version: OpenApiVersion,
    ) -> Result<Value, Error> {
        let at = Pointer::Root;
        for (index, requirement) in requirements.iter().enumerate() {
            self.check_requirement_at(requirement, version, &at.index(index))?;
        }
        requirements
            .iter()
            .map(|requirement| Versioned::trusted(requirement, version).to_value())
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array)
    }

    /// Names are unique and well-formed by construction ([`SecuritySchemes::insert`] is the
    /// only way in); what is left to check is each scheme for `version`.
    pub(crate) fn check(&self, version: OpenApiVersion, at: &Pointer<'_>) -> Result<(), Error> {
        self.entries
            .iter()
            .try_for_each(|(name, scheme)| scheme.check(version, &at.key(name)))
    }
}

impl Serialize for Versioned<'_, SecuritySchemes> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.value.len()))?;
        for (name, scheme) in self.value.iter() {
            map.serialize_entry(name, &Versioned::trusted(scheme, self.version))?;
        }
        map.end()
    }
}

/// Writes the map with OpenAPI 3.2's rules; use [`SecuritySchemes::versioned`] or
/// [`SecuritySchemes::to_json`] to target a version.
impl Serialize for SecuritySchemes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.versioned(OpenApiVersion::V3_2)
            .map_err(serde::ser::Error::custom)?
            .serialize(serializer)
    }
}

/// Reads the map with OpenAPI 3.2's rules; use [`SecuritySchemes::from_json`] to pick a
/// version.
impl<'de> Deserialize<'de> for SecuritySchemes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Self::from_json(&value, OpenApiVersion::V3_2).map_err(serde::de::Error::custom)
    }
}
