using System.Security.Claims;
using System.Text;

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

using Reseller.Billing.Data;
using Reseller.Billing.Payments;
using Reseller.Billing.Payments.Stripe;
using Reseller.Billing.Prepaid;
using Reseller.Billing.Profiles;
using Reseller.IntegrationTests.Credits;
using Reseller.ServiceDefaults.Auth;
using Reseller.ServiceDefaults.Clock;
using Reseller.ServiceDefaults.Ids;
using Reseller.Testing.Stripe;

namespace Reseller.IntegrationTests.Billing.Stripe;

/// <summary>One Billing instance configured with the Stripe provider, pointed at an in-process fake of Stripe's API.</summary>
public sealed class StripeBilling(ITestServers infrastructure) : IAsyncLifetime
{
    public FakeStripe Stripe { get; private set; } = null!;
    public BillingHost Billing { get; private set; } = null!;

    /// <summary>Credits' prepaid reservations: none held until a test makes the partner a prepaid buyer and sets what is available.</summary>
    public FixedPrepaidCredit Prepaid { get; } = new();

    /// <summary>Billing's clock: real time until a test moves it on (a charge that takes long).</summary>
    public PlatformClock Clock { get; } = new(TimeProvider.System);

    public async Task InitializeAsync()
    {
        Stripe = await FakeStripe.StartAsync();
        Billing = await BillingHost.StartAsync(infrastructure, new Dictionary<string, string?>
        {
            ["Billing:Payments:Provider"] = "stripe",
            ["Billing:Payments:Stripe:SecretKey"] = FakeStripe.SecretKey,
            ["Billing:Payments:Stripe:WebhookSecret"] = FakeStripe.WebhookSecret,
            ["Billing:Payments:Stripe:ApiBase"] = Stripe.BaseAddress.ToString(),
        }, services =>
        {
            services.AddSingleton<IPrepaidCredit>(Prepaid);
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public async Task DisposeAsync()
    {
        await Billing.DisposeAsync();
        await Stripe.DisposeAsync();
    }

    /// <summary>POST /api/v1/billing-profiles as the partner would, with a payment method id made by Stripe.js.</summary>
    public Task<BillingProfileResponse> AddCardAsync(Guid partnerId, string paymentMethod) =>
        CreateProfileAsync(partnerId, new CreateBillingProfileRequest(null, "Agency card", paymentMethod));

    public Task<BillingProfileResponse> CreateProfileAsync(Guid partnerId, CreateBillingProfileRequest request) =>
        Billing.WithServicesAsync(async services =>
        {
            var partner = new ClaimsPrincipal(new ClaimsIdentity([new Claim(PlatformClaims.PartnerId, partnerId.ToString()), new Claim(PlatformClaims.Kind, PlatformClaims.PartnerUserKind)], "test"));
            var created = await BillingProfilesApi.CreateAsync(request, partner, services.GetRequiredService<IPaymentProvider>(), services.GetRequiredService<ICardVault>(),
                services.GetRequiredService<BillingDb>(), TimeProvider.System, CancellationToken.None);
            return created.Value!;
        });

    public static Guid IdOf(BillingProfileResponse profile) =>
        PublicId.TryParse(BillingProfileResponse.IdPrefix, profile.Id, out var id) ? id!.Value : throw new InvalidOperationException(profile.Id);

    /// <summary>Delivers a webhook to Billing's endpoint as Stripe would POST it; true when Billing accepted it.</summary>
    public Task<bool> DeliverAsync((string Json, string Signature) webhook) =>
        Billing.WithServicesAsync(async services =>
        {
            var context = new DefaultHttpContext { RequestServices = services };
            context.Request.Method = "POST";
            context.Request.Headers["Stripe-Signature"] = webhook.Signature;
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(webhook.Json));
            var result = await StripeWebhooksApi.ReceiveAsync(context.Request, services, CancellationToken.None);
            return result.Result is Ok;
        });
}
