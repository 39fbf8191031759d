//! Who is on the other end of a request: the client's address and whether it came over
//! HTTPS. A reverse proxy says so in `X-Forwarded-For` and `X-Forwarded-Proto`; those
//! headers are believed only from the proxies the configuration trusts
//! (`EXEMPLAR_TRUSTED_PROXIES`, loopback by default) — from anyone else they are ignored,
//! so that nobody can pick the address their sign-in attempts count against, or pose as
//! HTTPS.

use axum::extract::{ConnectInfo, Request};
use axum::http::HeaderMap;
use axum::middleware::Next;
use axum::response::Response;
use std::net::{IpAddr, SocketAddr};

/// The request's client, put in every request's extensions by [`identify`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Client {
    pub ip: IpAddr,
    /// The client reached the site over HTTPS (the proxy said so).
    pub https: bool,
}

/// Addresses and networks (`10.0.0.0/8`, `::1`) whose forwarding headers are believed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedProxies(Vec<(IpAddr, u8)>);

impl Default for TrustedProxies {
    /// A proxy on the same machine: loopback.
    fn default() -> Self {
        TrustedProxies(vec![
            (IpAddr::from([127, 0, 0, 0]), 8),
            (IpAddr::from([0u16, 0, 0, 0, 0, 0, 0, 1]), 128),
        ])
    }
}

impl TrustedProxies {
    /// A comma-separated list of addresses and networks; `none` trusts nobody.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("none") {
            return Ok(TrustedProxies(Vec::new()));
        }
        let mut nets = Vec::new();
        for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (addr, bits) = match item.split_once('/') {
                Some((addr, bits)) => (addr, Some(bits)),
                None => (item, None),
            };
            let ip: IpAddr = addr
                .parse()
                .map_err(|_| format!("{item:?} is not an IP address or network"))?;
            let max = if ip.is_ipv4() { 32 } else { 128 };
            let bits = match bits {
                None => max,
                Some(b) => b
                    .parse::<u8>()
                    .ok()
                    .filter(|b| *b <= max)
                    .ok_or_else(|| format!("{item:?}: the prefix length must be 0 to {max}"))?,
            };
            nets.push((ip, bits));
        }
        Ok(TrustedProxies(nets))
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.0
            .iter()
            .any(|(net, bits)| in_network(ip, canonical(*net), *bits))
    }
}

/// An IPv4 address mapped into IPv6 is the IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

fn in_network(ip: IpAddr, net: IpAddr, bits: u8) -> bool {
    let prefix = |a: u128, b: u128, len: u32, width: u32| {
        len == 0 || (a ^ b) >> (width - len.min(width)) == 0
    };
    match (ip, net) {
        (IpAddr::V4(a), IpAddr::V4(b)) => prefix(
            u128::from(u32::from(a)),
            u128::from(u32::from(b)),
            u32::from(bits),
            32,
        ),
        (IpAddr::V6(a), IpAddr::V6(b)) => {
            prefix(u128::from(a), u128::from(b), u32::from(bits), 128)
        }
        _ => false,
    }
}

/// The client of a request from `peer`: behind a trusted proxy, the nearest address of
/// `X-Forwarded-For` that is not itself a trusted proxy, and `X-Forwarded-Proto`;
/// otherwise the peer itself, over plain HTTP.
pub fn client_of(peer: IpAddr, headers: &HeaderMap, trusted: &TrustedProxies) -> Client {
    if !trusted.contains(peer) {
        return Client {
            ip: peer,
            https: false,
        };
    }
    let forwarded: Vec<IpAddr> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| a.trim().parse().ok())
        .collect();
    // Each proxy appends the address it saw: read from the right, past our own proxies.
    let ip = forwarded
        .iter()
        .rev()
        .copied()
        .find(|ip| !trusted.contains(*ip))
        .or_else(|| forwarded.first().copied())
        .unwrap_or(peer);
    let https = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .is_some_and(|p| p.trim().eq_ignore_ascii_case("https"));
    Client { ip, https }
}

/// Puts the request's [`Client`] in its extensions, for everything after.
pub async fn identify(
    axum::extract::State(trusted): axum::extract::State<std::sync::Arc<TrustedProxies>>,
    mut req: Request,
    next: Next,
) -> Response {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0.ip());
    let client = client_of(peer, req.headers(), &trusted);
    req.extensions_mut().insert(client);
    next.run(req).await
}

/// The request's client (see [`identify`]); a request that did not pass it is nobody's.
pub fn of(extensions: &axum::http::Extensions) -> Client {
    extensions.get::<Client>().copied().unwrap_or(Client {
        ip: IpAddr::from([0, 0, 0, 0]),
        https: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_static(v));
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarding_headers_are_believed_only_from_a_trusted_proxy() {
        let trusted = TrustedProxies::parse("10.0.0.0/8, ::1").unwrap();
        let h = headers(&[
            ("x-forwarded-for", "198.51.100.7"),
            ("x-forwarded-proto", "https"),
        ]);
        assert_eq!(
            client_of(ip("10.1.2.3"), &h, &trusted),
            Client {
                ip: ip("198.51.100.7"),
                https: true
            }
        );
        // A client connecting directly cannot say where it is or that it used HTTPS.
        assert_eq!(
            client_of(ip("203.0.113.9"), &h, &trusted),
            Client {
                ip: ip("203.0.113.9"),
                https: false
            }
        );
    }

    #[test]
    fn the_nearest_untrusted_hop_is_the_client_whatever_it_prepended() {
        let trusted = TrustedProxies::parse("10.0.0.0/8").unwrap();
        // The client wrote a fake first hop; our proxies appended what they saw.
        let h = headers(&[("x-forwarded-for", "1.2.3.4, 198.51.100.7, 10.0.0.2")]);
        assert_eq!(
            client_of(ip("10.0.0.1"), &h, &trusted).ip,
            ip("198.51.100.7")
        );
        let none = headers(&[]);
        assert_eq!(
            client_of(ip("10.0.0.1"), &none, &trusted).ip,
            ip("10.0.0.1")
        );
    }

    #[test]
    fn networks_parse_and_match() {
        let t = TrustedProxies::parse(" 192.168.1.0/24 , 2001:db8::/32, 127.0.0.1 ").unwrap();
        assert!(t.contains(ip("192.168.1.200")));
        assert!(!t.contains(ip("192.168.2.1")));
        assert!(t.contains(ip("2001:db8:ffff::1")));
        assert!(t.contains(ip("::ffff:127.0.0.1")));
        assert!(!t.contains(ip("127.0.0.2")));
        assert!(TrustedProxies::parse("none").unwrap().0.is_empty());
        assert!(TrustedProxies::parse("10.0.0.0/33").is_err());
        assert!(TrustedProxies::parse("example.org").is_err());
        assert!(TrustedProxies::default().contains(ip("127.0.0.1")));
        assert!(TrustedProxies::default().contains(ip("::1")));
        assert!(TrustedProxies::parse("0.0.0.0/0")
            .unwrap()
            .contains(ip("8.8.8.8")));
    }
}
