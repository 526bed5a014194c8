// A handler needs a verifier the router state does not provide: the error names the state
// and the verifier, and says how to provide it.
use authscheme::verify::ApiKeys;
use authscheme::{SecurityScheme, Verified};

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key")]
struct ServiceKey;

#[derive(Clone)]
struct AppState {
    name: String,
}

#[axum::debug_handler(state = AppState)]
async fn service(key: Verified<ServiceKey, ApiKeys>) -> String {
    format!("service #{}", key.principal())
}

fn main() {
    let _ = AppState { name: String::new() }.name;
}
