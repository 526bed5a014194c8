//! The OpenAPI versions the model can be written for.

use std::fmt;

/// The OpenAPI version a document targets.
///
/// The version decides what can be expressed: `mutualTLS` needs 3.1, `deprecated`,
/// `oauth2MetadataUrl` and the `deviceAuthorization` flow need 3.2, and 3.0 allows only
/// empty requirement lists for schemes other than `oauth2` and `openIdConnect`.
///
/// ```
/// use authscheme::openapi::OpenApiVersion;
///
/// assert_eq!(OpenApiVersion::default(), OpenApiVersion::V3_1);
/// assert_eq!(OpenApiVersion::V3_2.document_version(), "3.2.0");
/// assert!(OpenApiVersion::V3_0 < OpenApiVersion::V3_2);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OpenApiVersion {
    /// OpenAPI 3.0.x (written as `3.0.4`).
    V3_0,
    /// OpenAPI 3.1.x (written as `3.1.2`), the default.
    #[default]
    V3_1,
    /// OpenAPI 3.2.x (written as `3.2.0`).
    V3_2,
}

impl OpenApiVersion {
    /// Every version, oldest first.
    pub const ALL: [Self; 3] = [Self::V3_0, Self::V3_1, Self::V3_2];

    /// The value of the document's `openapi` field for this version (its newest patch release).
    pub const fn document_version(self) -> &'static str {
        match self {
            Self::V3_0 => "3.0.4",
            Self::V3_1 => "3.1.2",
            Self::V3_2 => "3.2.0",
        }
    }

    /// The short `major.minor` name, as used in messages (`"3.1"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::V3_0 => "3.0",
            Self::V3_1 => "3.1",
            Self::V3_2 => "3.2",
        }
    }

    /// `const` version of `>=`, for compile-time checks in expansions.
    pub const fn at_least(self, other: Self) -> bool {
        self as u8 >= other as u8
    }

    /// The larger of two versions, in a `const` context.
    #[must_use]
    pub const fn max(self, other: Self) -> Self {
        if self.at_least(other) { self } else { other }
    }
}

impl fmt::Display for OpenApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
