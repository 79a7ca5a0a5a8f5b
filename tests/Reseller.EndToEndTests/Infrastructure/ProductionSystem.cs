using System.Globalization;
using System.Net;
using System.Net.Sockets;

using Reseller.AppHost;
using Reseller.AppHost.Publishing;
using Reseller.Testing.Stripe;

namespace Reseller.EndToEndTests.Infrastructure;

/// <summary>
/// A system of its own run from the production overlay's settings (<see cref="ProductionOverlay"/>): Production
/// everywhere, no sandbox clock, Stripe as the card provider, mail through SMTP, none of the test suite's own settings.
/// What a cluster finds at an address is found here at the server that stands for it: Stripe's API is the fake, the
/// public address the gateway, the OTLP collector the test's receiver; the SMTP relay is a closed port, so mail stays
/// queued in the outbox. Secrets get test values. An overlay variable with no local stand-in fails the start.
/// </summary>
public sealed class ProductionSystem : IAsyncLifetime, IDisposable
{
    private static readonly Dictionary<(string Secret, string Key), string> TestSecrets = new()
    {
        [(ClusterNames.StripeSecret, "secret-key")] = FakeStripe.SecretKey,
        [(ClusterNames.StripeSecret, "webhook-secret")] = FakeStripe.WebhookSecret,
        [(ClusterNames.StripeSecret, "publishable-key")] = "pk_test_reseller_production_overlay",
        [(ClusterNames.PayPalSecret, "client-id")] = "reseller-test-paypal-client",
        [(ClusterNames.PayPalSecret, "client-secret")] = "reseller-test-paypal-secret",
        [(Overlays.SmtpSecret, "username")] = "reseller-test",
        [(Overlays.SmtpSecret, "password")] = "reseller-test-password",
    };

    public ProductionSystem() => System = new ResellerSystem("production", [], FromProductionOverlay);

    public ResellerSystem System { get; }
    public FakeStripe Stripe { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Stripe = await FakeStripe.StartAsync();
        await System.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await System.DisposeAsync();
        await Stripe.DisposeAsync();
    }

    public void Dispose() => System.Dispose();

    private void FromProductionOverlay(IDictionary<string, string> shared, ApplicationModel model, DistributedApplication app)
    {
        // Only the telemetry export stays of the suite's settings: it observes, it changes nothing the services decide.
        foreach (var key in shared.Keys.Where(key => !key.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            shared.Remove(key);
        }

        var overlay = ProductionOverlay.Of(model);
        var gateway = app.GetEndpoint(ResellerResources.Gateway.Name).ToString().TrimEnd('/');
        var smtpPort = ClosedPort();
        string Local(string name, string value) => name switch
        {
            "Reseller__PublicUrl" => gateway,
            "Mail__Smtp__Host" => IPAddress.Loopback.ToString(),
            "Mail__Smtp__Port" => smtpPort,
            // No payout is run here: PayPal's live API stands at a closed port, so a stray call fails instead of reaching PayPal.
            "Partners__Payouts__PayPal__BaseUrl" => $"http://{IPAddress.Loopback}:{ClosedPort()}/",
            "OTEL_EXPORTER_OTLP_ENDPOINT" or "OTEL_EXPORTER_OTLP_PROTOCOL" => shared[name],
            _ when value.Contains("example.com", StringComparison.Ordinal) || value.Contains("://", StringComparison.Ordinal) =>
                throw new InvalidOperationException($"The production overlay gives {name} the address '{value}', which has no stand-in here: map it in {nameof(ProductionSystem)}."),
            _ => value,
        };
        string Secret(string secret, string key) => TestSecrets.TryGetValue((secret, key), out var value)
            ? value
            : throw new InvalidOperationException($"The production overlay reads the Secret {secret}/{key}: give it a test value in {nameof(ProductionSystem)}.");

        foreach (var project in model.Projects)
        {
            var environment = overlay.EnvironmentOf(project.Name, Secret, Local);
            if (environment.GetValueOrDefault("Billing__Payments__Provider") == "stripe")
            {
                // Stripe's own API address is the provider's default, not a setting of the overlay: here it is the fake.
                environment["Billing__Payments__Stripe__ApiBase"] = Stripe.BaseAddress.ToString();
            }

            foreach ((var key, var value) in environment)
            {
                project.WithEnvironment(key, value);
            }
        }
    }

    /// <summary>A loopback port nothing listens on: a connection is refused at once.</summary>
    private static string ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port.ToString(CultureInfo.InvariantCulture);
    }
}
