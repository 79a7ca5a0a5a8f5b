using Reseller.AppHost;
using Reseller.Testing.Stripe;

namespace Reseller.EndToEndTests.Infrastructure;

/// <summary>
/// A system of its own whose Billing charges through Stripe (the fake, over HTTP) while the sandbox clock still runs: a
/// renewal needs the operator's clock, which Production refuses (the production overlay is proven by <see cref="ProductionSystem"/>).
/// </summary>
public sealed class StripeSandboxSystem : IAsyncLifetime, IDisposable
{
    public StripeSandboxSystem() => System = new ResellerSystem("test-e2e-stripe", [], (_, model, _) => ChargeThroughStripe(model));

    public ResellerSystem System { get; }
    public FakeStripe Stripe { get; private set; } = null!;
    public string MailDirectory => Path.Combine(System.App.DataDirectory, "mail");

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

    private void ChargeThroughStripe(ApplicationModel model) =>
        model.Projects.Single(project => project.Name == ResellerResources.Billing.Name)
            .WithEnvironment("Billing__Payments__Provider", "stripe")
            .WithEnvironment("Billing__Payments__Stripe__SecretKey", FakeStripe.SecretKey)
            .WithEnvironment("Billing__Payments__Stripe__WebhookSecret", FakeStripe.WebhookSecret)
            .WithEnvironment("Billing__Payments__Stripe__ApiBase", Stripe.BaseAddress.ToString());
}
