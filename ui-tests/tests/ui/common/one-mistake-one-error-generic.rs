// No cascade: a generic scheme with a mistake still gets a stand-in impl
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, format = 42)]
struct Auth<T>(core::marker::PhantomData<T>);

fn main() {
    let _ = Auth::<u8>::openapi();
}
