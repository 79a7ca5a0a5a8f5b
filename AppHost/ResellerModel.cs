using System.Globalization;

using Microsoft.Extensions.Configuration;

namespace Reseller.AppHost;

public static class ResellerModel
{
    public static DistributedApplicationBuilder Declare(DistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        PostgresServerResource postgres = builder.AddPostgres("postgres");
        PostgresDatabaseResource accountsDb = postgres.AddDatabase("accountsdb");
        PostgresDatabaseResource billingDb = postgres.AddDatabase("billingdb");
        PostgresDatabaseResource creditsDb = postgres.AddDatabase("creditsdb");
        PostgresDatabaseResource partnersDb = postgres.AddDatabase("partnersdb");
        PostgresDatabaseResource webDb = postgres.AddDatabase("webdb");

        RabbitMqServerResource messaging = builder.AddRabbitMQ("messaging");

        ProjectResource billing = builder.AddProject("billing", "services/Billing", "Reseller.Billing")
            .WithReference(billingDb)
            .WithReference(messaging)
            .WithReplicas(Replicas(builder.Configuration, "Billing"));

        ProjectResource accounts = builder.AddProject("accounts", "services/Accounts", "Reseller.Accounts")
            .WithReference(accountsDb)
            .WithReference(messaging)
            .WithReference(billing)
            .WithReplicas(Replicas(builder.Configuration, "Accounts"));

        // Partners calls Billing and Accounts for a referral signup (tokenize the customer's card, open the account).
        ProjectResource partners = builder.AddProject("partners", "services/Partners", "Reseller.Partners")
            .WithReference(partnersDb)
            .WithReference(messaging)
            .WithReference(billing)
            .WithReference(accounts)
            .WithReplicas(Replicas(builder.Configuration, "Partners"));

        ProjectResource credits = builder.AddProject("credits", "services/Credits", "Reseller.Credits")
            .WithReference(creditsDb)
            .WithReference(messaging)
            .WithReference(billing)
            .WithReference(accounts);

        // The dashboard: a front-end that calls only the public API at the gateway; its database holds only the Data Protection
        // keys its replicas share.
        ProjectResource web = builder.AddProject("web", "services/Web", "Reseller.Web")
            .WithReference(webDb)
            .WithReplicas(Replicas(builder.Configuration, "Web"));

        ProjectResource gateway = builder.AddProject("gateway", "services/Gateway", "Reseller.Gateway")
            .WithReference(messaging)
            .WithReference(partners)
            .WithReference(accounts)
            .WithReference(billing)
            .WithReference(credits)
            .WithReference(web)
            .WithHttpEndpoint(5080);
        web.WithPeer(gateway);

        // Every process validates tokens with the public keys (JWKS) of the services that issue them, fetched when first needed.
        foreach (ProjectResource project in new[] { billing, accounts, partners, credits, gateway })
        {
            project.WithPeer(partners).WithPeer(accounts).WithPeer(credits);
        }

        return builder;
    }

    private static int Replicas(IConfiguration configuration, string section)
    {
        string? value = configuration[$"{section}:Replicas"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return 1;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int replicas) && replicas >= 1
            ? replicas
            : throw new DistributedApplicationException($"{section}__Replicas must be a whole number of at least 1, not '{value}'");
    }
}
