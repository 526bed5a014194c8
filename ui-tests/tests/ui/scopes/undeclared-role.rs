// CT-I4: a required role is one the scheme declares
use authscheme::{SecurityScheme, scopes};

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key", roles("admin", "auditor"))]
struct KeyAuth;

fn main() {
    let _ = <scopes!(KeyAuth: "root")>::SET;
}
