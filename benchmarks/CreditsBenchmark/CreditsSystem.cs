using Reseller.AppHost;

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
    public Uri Endpoint => app.GetEndpoint(ResellerResources.Credits.Name);
    public string ConnectionString => app.GetConnectionString(ResellerResources.CreditsDb);

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
        var postgres = builder.AddPostgres(ResellerResources.Postgres);
        var creditsDb = postgres.AddDatabase(ResellerResources.CreditsDb);
        var partnersDb = postgres.AddDatabase(ResellerResources.PartnersDb);
        var messaging = builder.AddRabbitMQ(ResellerResources.Messaging);
        // Partners issues the partner token Credits validates (Credits fetches its public keys).
        var partners = builder.AddProject(ResellerResources.Partners).WithReference(partnersDb).WithReference(messaging);
        builder.AddProject(ResellerResources.Credits).WithReference(creditsDb).WithReference(messaging).WithPeer(partners);
        var app = builder.Build();
        await app.StartAsync(cancellationToken);

        var partnerId = Guid.CreateVersion7();
        var token = await PartnerTokens.SignAsync(app, partnerId, TimeSpan.FromHours(2), cancellationToken);
        return new CreditsSystem(app, token, partnerId);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
