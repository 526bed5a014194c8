//! Debug-level `tracing` events for rejected requests: which scheme, which row of the
//! behaviour contract, and the verifier's reason, so that a 401 can be diagnosed from the
//! server's logs without reproducing it.
//!
//! Every event goes through [`emit`], so that the fields stay the same on every path:
//!
//! | field | value |
//! |---|---|
//! | `scheme` | the scheme's components name (`A \| B` for alternatives, `A + B` for schemes required together) |
//! | `kind` | `missing`, `malformed`, `refused` (the verifier said no) or `insufficient_scope` |
//! | `status` | the response's status code |
//! | `detail` | the response's `detail` (never a credential, by the [`Rejection`] contract) |
//! | `reason` | the verifier's [`Reason`], when it gave one |
//! | `required`, `granted` | the scopes, for `insufficient_scope` |
//!
//! No event ever holds a credential: the functions here receive rejections, reasons and
//! scope sets, never the credentials themselves.

use std::fmt;

use crate::compose::Requirement;
use crate::openapi::SecurityRequirement;
use crate::verify::{Reason, VerifyError};
use crate::{Rejection, RejectionKind, ScopeSet, SecurityScheme};

/// The events' target: `RUST_LOG=authscheme=debug` (or `authscheme::rejection=debug`)
/// turns them on.
pub(crate) const TARGET: &str = "authscheme::rejection";

/// What went wrong, as the `kind` field writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Stage {
    Missing,
    Malformed,
    Refused,
    InsufficientScope,
}

impl Stage {
    fn as_str(self) -> &'static str {
        match self {
            Self::Missing => "missing",
            Self::Malformed => "malformed",
            Self::Refused => "refused",
            Self::InsufficientScope => "insufficient_scope",
        }
    }
}

/// Whether a subscriber listens to these events: what is only needed for them (names of
/// composites, owned reasons) is built only then.
///
/// The level test is inlined into every rejection path, one load when DEBUG is off (as in
/// production); the callsite's interest, which registers the callsite on first use, is out
/// of line and only asked when the level is on.
#[inline]
fn enabled() -> bool {
    tracing::level_enabled!(tracing::Level::DEBUG) && target_enabled()
}

#[cold]
fn target_enabled() -> bool {
    tracing::event_enabled!(target: TARGET, tracing::Level::DEBUG)
}

/// The one place that writes the event.
fn emit(
    scheme: &dyn fmt::Display,
    stage: Stage,
    rejection: &Rejection,
    reason: Option<&Reason>,
    scopes: Option<(&dyn fmt::Display, &dyn fmt::Display)>,
) {
    // Text fields are recorded as strings, which subscribers quote (`reason="wrong audience"`),
    // so that a value with spaces stays one field. The macro evaluates them, and so
    // allocates, only when the event is enabled.
    tracing::debug!(
        target: TARGET,
        scheme = scheme.to_string(),
        kind = stage.as_str(),
        status = rejection.status().as_u16(),
        detail = rejection.detail(),
        reason = reason.map(ToString::to_string),
        required = scopes.map(|(required, _)| required.to_string()),
        granted = scopes.map(|(_, granted)| granted.to_string()),
        "request rejected"
    );
}

/// Credentials of `S` were found but could not be parsed (the `Err` of
/// [`Credentials::extract`](crate::credentials::Credentials::extract)).
pub(crate) fn malformed<S: SecurityScheme>(rejection: &Rejection) {
    // `extract` only fails on malformed credentials; a custom `Credentials` impl may answer
    // with another kind, which is then reported as the rejection says.
    let stage = match rejection.kind() {
        RejectionKind::Missing => Stage::Missing,
        _ => Stage::Malformed,
    };
    emit(&S::NAME, stage, rejection, None, None);
}

/// The verifier of `S` refused the credentials: the rejection the request gets, after the
/// event with the verifier's reason.
pub(crate) fn refused<S: SecurityScheme>(error: VerifyError) -> Rejection {
    // The reason is copied out (it may own its text) only when somebody listens.
    let reason = enabled().then(|| error.reason().cloned()).flatten();
    let rejection = error.into_rejection::<S>();
    emit(&S::NAME, Stage::Refused, &rejection, reason.as_ref(), None);
    rejection
}

/// The verifier of `S` granted fewer scopes than required.
pub(crate) fn insufficient_scope<S: SecurityScheme>(
    rejection: &Rejection,
    required: ScopeSet<S>,
    granted: ScopeSet<S>,
) {
    emit(
        &S::NAME,
        Stage::InsufficientScope,
        rejection,
        None,
        Some((&Names(required), &Names(granted))),
    );
}

/// `R` found no credentials at all and does not allow anonymous access.
pub(crate) fn missing<R: Requirement>(rejection: &Rejection) {
    // Naming the schemes of a composite allocates: only when somebody listens.
    if enabled() {
        emit_missing::<R>(rejection);
    }
}

/// [`missing`]'s event, kept out of the extractor that calls it.
#[cold]
#[inline(never)]
fn emit_missing<R: Requirement>(rejection: &Rejection) {
    emit(
        &Schemes(&R::security()),
        Stage::Missing,
        rejection,
        None,
        None,
    );
}

/// Scope names, space-separated as in a `scope` claim.
struct Names<S>(ScopeSet<S>);

impl<S: SecurityScheme> fmt::Display for Names<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, name) in self.0.names().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(name)?;
        }
        Ok(())
    }
}

/// The schemes of an operation's `security`: `A + B` within one requirement (AND), ` | `
/// between requirements (OR); the anonymous `{}` is left out.
struct Schemes<'a>(&'a [SecurityRequirement]);

impl fmt::Display for Schemes<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for requirement in self.0.iter().filter(|r| !r.schemes.is_empty()) {
            if !first {
                f.write_str(" | ")?;
            }
            first = false;
            for (i, (name, _)) in requirement.schemes.iter().enumerate() {
                if i > 0 {
                    f.write_str(" + ")?;
                }
                f.write_str(name)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
pub(crate) mod capture {
    //! A minimal `Subscriber` that keeps every event's fields as text, for the tests.

    use std::collections::BTreeMap;
    use std::fmt;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::{Arc, Mutex};

    use tracing::field::{Field, Visit};
    use tracing::span::{Attributes, Id, Record};
    use tracing::{Event, Metadata, Subscriber};

    /// One event: its target, level and fields (`message` included), each as text.
    #[derive(Clone, Debug)]
    pub(crate) struct Captured {
        pub(crate) target: String,
        pub(crate) level: tracing::Level,
        pub(crate) fields: BTreeMap<String, String>,
    }

    impl Captured {
        pub(crate) fn field(&self, name: &str) -> Option<&str> {
            self.fields.get(name).map(String::as_str)
        }
    }

    #[derive(Clone, Default)]
    pub(crate) struct Recorder {
        events: Arc<Mutex<Vec<Captured>>>,
        next_id: Arc<AtomicU64>,
    }

    impl Recorder {
        pub(crate) fn events(&self) -> Vec<Captured> {
            self.events.lock().expect("not poisoned").clone()
        }
    }

    struct Fields<'a>(&'a mut BTreeMap<String, String>);

    impl Visit for Fields<'_> {
        fn record_str(&mut self, field: &Field, value: &str) {
            self.0.insert(field.name().to_owned(), value.to_owned());
        }

        fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
            self.0.insert(field.name().to_owned(), format!("{value:?}"));
        }
    }

    impl Subscriber for Recorder {
        fn enabled(&self, _: &Metadata<'_>) -> bool {
            true
        }

        fn new_span(&self, _: &Attributes<'_>) -> Id {
            Id::from_u64(self.next_id.fetch_add(1, Ordering::Relaxed) + 1)
        }

        fn record(&self, _: &Id, _: &Record<'_>) {}

        fn record_follows_from(&self, _: &Id, _: &Id) {}

        fn event(&self, event: &Event<'_>) {
            let mut fields = BTreeMap::new();
            event.record(&mut Fields(&mut fields));
            self.events.lock().expect("not poisoned").push(Captured {
                target: event.metadata().target().to_owned(),
                level: *event.metadata().level(),
                fields,
            });
        }

        fn enter(&self, _: &Id) {}

        fn exit(&self, _: &Id) {}
    }

    /// Runs `f` with a fresh recorder as this thread's subscriber; returns its events.
    pub(crate) fn events_of(f: impl FnOnce()) -> Vec<Captured> {
        let recorder = Recorder::default();
        tracing::subscriber::with_default(recorder.clone(), f);
        recorder.events()
    }
}

#[cfg(test)]
mod tests {
    use http::StatusCode;

    use super::capture::events_of;
    use super::*;
    use crate::credentials::BearerToken;
    use crate::openapi;

    /// A bearer scheme with two scopes, by hand (the derive names `::authscheme`, which the
    /// crate's own unit tests cannot).
    struct Jwt;

    impl SecurityScheme for Jwt {
        const DECLARATION: crate::Declaration =
            crate::Declaration::new("Jwt", &["read", "write"], openapi::OpenApiVersion::V3_0);
        type Credentials = BearerToken;
        const CONFIG: () = ();
        const OPENAPI: openapi::SecurityScheme = openapi::SecurityScheme::bearer(None);
    }

    #[test]
    fn refused_carries_the_reason_and_the_rejection() {
        let events = events_of(|| {
            let rejection = refused::<Jwt>(
                VerifyError::default().with_reason(Reason::MissingClaim("sub".into())),
            );
            assert_eq!(rejection.status(), StatusCode::UNAUTHORIZED);
            assert_eq!(rejection.challenges()[0], r#"Bearer error="invalid_token""#);
        });
        assert_eq!(events.len(), 1);
        let event = &events[0];
        assert_eq!(event.target, TARGET);
        assert_eq!(event.level, tracing::Level::DEBUG);
        assert_eq!(event.field("message"), Some("request rejected"));
        assert_eq!(event.field("scheme"), Some("Jwt"));
        assert_eq!(event.field("kind"), Some("refused"));
        assert_eq!(event.field("status"), Some("401"));
        assert_eq!(event.field("detail"), Some(VerifyError::COULD_NOT_VALIDATE));
        assert_eq!(event.field("reason"), Some("missing claim `sub`"));
        assert_eq!(event.field("required"), None);
    }

    #[test]
    fn refused_without_reason_has_no_reason_field() {
        let events = events_of(|| {
            let _ = refused::<Jwt>(VerifyError::invalid("Nope"));
        });
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].field("reason"), None);
        assert_eq!(events[0].field("detail"), Some("Nope"));
    }

    #[test]
    fn insufficient_scope_names_both_scope_sets() {
        let required = ScopeSet::<Jwt>::from_names(["read", "write"]);
        let granted = ScopeSet::<Jwt>::from_names(["read"]);
        let rejection = Rejection::insufficient_scope(required.names());
        let events = events_of(|| insufficient_scope(&rejection, required, granted));
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].field("kind"), Some("insufficient_scope"));
        assert_eq!(events[0].field("status"), Some("403"));
        assert_eq!(events[0].field("required"), Some("read write"));
        assert_eq!(events[0].field("granted"), Some("read"));
    }

    #[test]
    fn malformed_follows_the_rejection_kind() {
        let events = events_of(|| {
            malformed::<Jwt>(&Rejection::malformed(http::HeaderValue::from_static(
                "Bearer",
            )));
            malformed::<Jwt>(&Rejection::not_authenticated(
                http::HeaderValue::from_static("Bearer"),
            ));
        });
        let kinds: Vec<_> = events.iter().map(|e| e.field("kind")).collect();
        assert_eq!(kinds, [Some("malformed"), Some("missing")]);
    }

    #[test]
    fn scheme_lists_join_and_and_or() {
        let requirements = [
            SecurityRequirement::ANONYMOUS,
            SecurityRequirement::ANONYMOUS
                .with("A", Vec::<&str>::new())
                .with("B", ["x"]),
            SecurityRequirement::ANONYMOUS.with("C", Vec::<&str>::new()),
        ];
        assert_eq!(Schemes(&requirements).to_string(), "A + B | C");
    }
}
