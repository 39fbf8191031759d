//! Password hashing: Argon2id with OWASP's recommended parameters (19 MiB, 2 passes).

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::{Algorithm, Argon2, Params, Version};

fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("OWASP Argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn hash(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(hasher()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            hasher()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Spends what a verification costs, for sign-ins with an unknown username, so that
/// response times do not tell which usernames exist.
pub fn burn_time(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let hash = DUMMY.get_or_init(|| hash("not a real password").unwrap_or_default());
    let _ = verify(password, hash);
}

/// Hashes off the async workers (Argon2 takes tens of milliseconds by design).
pub async fn hash_blocking(
    password: shared::domain::NewPassword,
) -> Result<String, crate::error::AppError> {
    tokio::task::spawn_blocking(move || hash(password.expose()))
        .await
        .map_err(|_| crate::error::AppError::Internal)?
        .map_err(|e| {
            tracing::error!(error = %e, "password hashing failed");
            crate::error::AppError::Internal
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_are_salted() {
        let a = hash("mật khẩu").unwrap();
        let b = hash("mật khẩu").unwrap();
        assert_ne!(a, b, "each hash has its own salt");
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(verify("mật khẩu", &a));
        assert!(!verify("mat khau", &a));
        assert!(!verify("x", "not a hash"));
    }
}
