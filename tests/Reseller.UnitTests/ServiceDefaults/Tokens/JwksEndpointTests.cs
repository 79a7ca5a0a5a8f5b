using System.Text.Json.Nodes;

using Reseller.ServiceDefaults.Tokens;

namespace Reseller.UnitTests.ServiceDefaults.Tokens;

public sealed class JwksEndpointTests
{
    [Fact]
    public async Task A_replica_publishes_the_key_its_peer_added_since_it_last_read_the_store()
    {
        var store = new MemorySigningKeyStore();
        var ring = new SigningKeyRing(store, TimeProvider.System);
        var own = (await ring.CurrentAsync(CancellationToken.None)).Id;

        // Its peer, started at the same moment, found no key either and added its own.
        var peers = SigningKey.Create(DateTimeOffset.UtcNow);
        await store.AddAsync(peers, CancellationToken.None);

        var kids = JsonNode.Parse(await JwksEndpoint.DocumentAsync(ring, CancellationToken.None))!["keys"]!.AsArray()
            .Select(k => k!["kid"]!.GetValue<string>()).ToList();
        Assert.Contains(own, kids);
        Assert.Contains(peers.Id, kids);
    }
}
