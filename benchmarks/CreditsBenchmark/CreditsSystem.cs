using System.Security.Claims;

using Microsoft.Extensions.Options;

using Reseller.AppHost;
using Reseller.ServiceDefaults.Auth;

namespace Reseller.CreditsBenchmark;

/// <summary>A private Credits service with its database and broker, and a partner token it accepts.</summary>
public sealed class CreditsSystem : IAsyncDisposable
{
    private readonly DistributedApplication app;

    private CreditsSystem(DistributedApplication app, string partnerToken, Guid partnerId)
    {
        this.app = app;
        PartnerToken = partnerToken;
        PartnerId = partnerId;
    }

    public string PartnerToken { get; }
    public Guid PartnerId { get; }
    public Uri Endpoint => app.GetEndpoint("credits");
    public string ConnectionString => app.GetConnectionString("creditsdb");

    public static async Task<CreditsSystem> StartAsync(CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "reseller-credits-bench");
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        var builder = DistributedApplicationBuilder.Create(new DistributedApplicationOptions
        {
            DataDirectory = dataDirectory,
            EphemeralPorts = true,
            LogSink = _ => { },
            Environment = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" },
        });
        var creditsDb = builder.AddPostgres("postgres").AddDatabase("creditsdb");
        var messaging = builder.AddRabbitMQ("messaging");
        builder.AddProject("credits", "services/Credits", "Reseller.Credits").WithReference(creditsDb).WithReference(messaging);
        var app = builder.Build();
        await app.StartAsync(cancellationToken);

        var partnerId = Guid.CreateVersion7();
        var options = Options.Create(new PlatformTokenOptions { Jwt = { SigningKey = app.JwtSigningKey, Lifetime = TimeSpan.FromHours(2) } });
        var token = new PlatformTokenIssuer(options, TimeProvider.System).Issue(
        [
            new Claim(PlatformClaims.Subject, Guid.NewGuid().ToString()),
            new Claim(PlatformClaims.PartnerId, partnerId.ToString()),
            new Claim(PlatformClaims.Role, PlatformRoles.Owner),
            new Claim(PlatformClaims.Kind, PlatformClaims.PartnerUserKind),
        ]);
        return new CreditsSystem(app, token.AccessToken, partnerId);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
