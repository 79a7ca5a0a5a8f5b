namespace Reseller.Gateway.Docs;

/// <summary>The introduction of the public API reference (info.description of the merged document), in Markdown.</summary>
public static class ApiIntroduction
{
    public const string Markdown = """
        The Reseller API: everything the dashboard does, for partners (agencies) managing their clients' accounts, their
        billing, credits and commissions, and for the operator of the platform. Every call goes through this gateway, under
        `/api/v1`. JSON bodies use `snake_case` names; timestamps are ISO-8601 UTC (`2026-11-23T18:40:05Z`), dates
        `2026-11-23`; money is `{"amount": 4900, "currency": "USD"}` in integer minor units; ids are opaque strings with a
        type prefix (`acc_…`, `inv_…`, `bp_…`, `prt_…`, `key_…`).

        ## Authentication
        - **Partner users** get a token from `POST /api/v1/auth/token` (`{email, password}`); **account users** (an
          account's `admin` and invited customers) from `POST /api/v1/auth/account-token`. Send it as
          `Authorization: Bearer <token>`. Five wrong passwords in a row lock a login for five minutes (423 with
          `Retry-After`).
        - **API keys** of a partner (`POST /api/v1/api-keys`, shown once) go in the same header: `Authorization: Bearer <key>`.
        - **The operator** sends `X-Admin-Key`.

        ## Idempotency
        Every `POST` accepts an `Idempotency-Key` header (up to 255 characters). A retry with the same key and body replays
        the first answer (status and body) for 24 hours, so a lost answer never charges twice; the same key with another
        body answers 422, and a request whose key is still in flight 409. A secret shown once (a password, an API key) is
        replayed as `null`, and credentials (tokens, log-in-as links) are never replayed.

        ## Errors
        Every error is `application/problem+json` (RFC 9457) with `type`, `title`, `status`, `detail`, and for validation
        `errors` (field → messages). The `type` is a stable URI, `https://reseller.dev/problems/<slug>`: match on it, not
        on the text. 400 malformed or invalid input; 401 no or an invalid credential; 403 authenticated but not allowed;
        404 unknown **or another partner's** (existence is never revealed); 409 state conflict; 410 a one-time link already
        used or expired; 422 a business rule refuses the request; 423 locked out; 429 rate limited (both with
        `Retry-After`); 503 a service this one needs is unreachable (with `Retry-After`). Every answer carries
        `X-Correlation-Id` (send your own to follow a call in our logs) and a W3C `traceparent` flows through.

        ## Paging
        Lists take `page_size` (1–200, 50 by default) and `page_token`, and answer
        `{"data": [...], "next_page_token": "…" | null}`: pass `next_page_token` back as `page_token` for the next page
        until it is `null`. Tokens are opaque and stable under inserts (keyset paging).

        ## Rate limits
        Calls without a credential are limited per client address, calls with one per partner (per account for an
        account user); past the limit the answer is 429 with `Retry-After`.

        ## Sandbox clock
        Outside production the operator can move the platform's clock forward with `POST /api/v1/admin/clock`
        (`{now}`; `GET` reads it): every service then acts as if that time had come (renewals, dunning retries, trial and
        cancellation expiries, invitation expiry, the monthly commission close) and the call answers once every job due
        has run. The clock never moves back; in production these endpoints answer 404. The sandbox payment provider
        knows the test cards `4242424242424242` (succeeds), `4000000000000002` (declined), `4000000000009995`
        (insufficient funds) and `4000000000000341` (tokenizes, every charge fails).
        """;
}
