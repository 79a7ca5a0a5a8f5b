using System.Globalization;

using Microsoft.Extensions.Configuration;

using Reseller.AppHost.Hosting;

namespace Reseller.AppHost;

public static class ResellerModel
{
    public static DistributedApplicationBuilder Declare(DistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var postgres = builder.AddPostgres(ResellerResources.Postgres);
        var accountsDb = postgres.AddDatabase(ResellerResources.AccountsDb);
        var billingDb = postgres.AddDatabase(ResellerResources.BillingDb);
        var creditsDb = postgres.AddDatabase(ResellerResources.CreditsDb);
        var partnersDb = postgres.AddDatabase(ResellerResources.PartnersDb);
        var webDb = postgres.AddDatabase(ResellerResources.WebDb);

        var messaging = builder.AddRabbitMQ(ResellerResources.Messaging);

        var billing = builder.AddProject(ResellerResources.Billing)
            .WithReference(billingDb)
            .WithReference(messaging)
            .WithReplicas(Replicas(builder.Configuration, "Billing"));

        // The services reach each other only while serving a request (an account's opening charge, a referral signup): they are
        // peers, told each other's endpoints, and start side by side. Only the gateway waits for every service it routes to, so
        // that a healthy gateway means a working API.
        var accounts = builder.AddProject(ResellerResources.Accounts)
            .WithReference(accountsDb)
            .WithReference(messaging)
            .WithPeer(billing)
            .WithReplicas(Replicas(builder.Configuration, "Accounts"));

        // Partners calls Billing and Accounts for a referral signup (tokenize the customer's card, open the account).
        var partners = builder.AddProject(ResellerResources.Partners)
            .WithReference(partnersDb)
            .WithReference(messaging)
            .WithPeer(billing)
            .WithPeer(accounts)
            .WithReplicas(Replicas(builder.Configuration, "Partners"));

        var credits = builder.AddProject(ResellerResources.Credits)
            .WithReference(creditsDb)
            .WithReference(messaging)
            .WithPeer(billing)
            .WithPeer(accounts)
            .WithReplicas(Replicas(builder.Configuration, "Credits"));

        // The dashboard: a front-end that calls only the public API at the gateway; its database holds only the Data Protection
        // keys its replicas share.
        var web = builder.AddProject(ResellerResources.Web)
            .WithReference(webDb)
            .WithReplicas(Replicas(builder.Configuration, "Web"));

        var gateway = builder.AddProject(ResellerResources.Gateway)
            .WithReference(messaging)
            .WithReference(partners)
            .WithReference(accounts)
            .WithReference(billing)
            .WithReference(credits)
            .WithReference(web)
            .WithHttpEndpoint(5080);
        foreach ((var key, var value) in LocalGatewayLimits.For(ProjectEnvironment.EnvironmentName(), builder.Configuration))
        {
            gateway.WithSetting(key, value);
        }
        web.WithPeer(gateway);

        // Every process validates tokens with the public keys (JWKS) of the services that issue them, fetched when first needed.
        foreach (var project in new[] { billing, accounts, partners, credits, gateway })
        {
            project.WithPeer(partners).WithPeer(accounts).WithPeer(credits);
        }

        return builder;
    }

    private static int Replicas(IConfiguration configuration, string section)
    {
        var value = configuration[$"{section}:Replicas"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return 1;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var replicas) && replicas >= 1
            ? replicas
            : throw new DistributedApplicationException($"{section}__Replicas must be a whole number of at least 1, not '{value}'");
    }
}
