namespace Reseller.ServiceDefaults.Tokens;

/// <summary>
/// The answer of /.well-known/jwks.json: every key in the issuer's store, read afresh. Replicas that started together may
/// each have added a key; one that answered from its own memory left out its peer's, and a service validating a token its
/// peer signed refused it until the memory was a minute old (401 between services, 503 to the user). Peers ask rarely: each
/// keeps the set five minutes and asks again only for a kid it does not know.
/// </summary>
public static class JwksEndpoint
{
    public static async Task<string> DocumentAsync(SigningKeyRing ring, CancellationToken cancellationToken) =>
        JwksDocument.Serialize(await ring.PublishedAsync(cancellationToken, reload: true));
}
