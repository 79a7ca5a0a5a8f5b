using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text;

using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Tokens;

namespace Reseller.UnitTests.ServiceDefaults.Tokens;

/// <summary>An issuing service as the validators see it: its key ring, and its JWKS and ended-sessions list over HTTP.</summary>
public sealed class TestIssuer : IDisposable
{
    public TestIssuer(string name, FakeTimeProvider clock)
    {
        Name = name;
        Clock = clock;
        Ring = new SigningKeyRing(Store, clock);
        Tokens = new PlatformTokenIssuer(Ring, new ServiceIdentity(name), Options.Create(new PlatformTokenOptions()), clock);
    }

    public string Name { get; }
    public FakeTimeProvider Clock { get; }
    public MemorySigningKeyStore Store { get; } = new();
    public SigningKeyRing Ring { get; }
    public PlatformTokenIssuer Tokens { get; }

    public async Task<string> PartnerUserAsync(Guid partnerId, string subject = "user-1", int sessionVersion = 0) =>
        (await Tokens.IssueAsync(
        [
            new Claim(PlatformClaims.Subject, subject),
            new Claim(PlatformClaims.PartnerId, partnerId.ToString()),
            new Claim(PlatformClaims.Role, PlatformRoles.Owner),
            new Claim(PlatformClaims.Kind, PlatformClaims.PartnerUserKind),
            new Claim(PlatformClaims.SessionVersion, sessionVersion.ToString(CultureInfo.InvariantCulture)),
        ])).AccessToken;

    public async Task<string> ServiceTokenAsync(string callee, Guid? partnerId = null) =>
        (await new ServiceTokens(Tokens, new ServiceIdentity(Name)).ForAsync(callee, partnerId, CancellationToken.None)).Parameter!;

    public async Task<HttpResponseMessage?> AnswerAsync(HttpRequestMessage request)
    {
        if (request.RequestUri!.Host != Name)
        {
            return null;
        }
        var body = request.RequestUri.AbsolutePath == IssuerKeys.Path ? JwksDocument.Serialize(await Ring.PublishedAsync(CancellationToken.None)) : "[]";
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }

    public void Dispose() => Ring.Dispose();
}
