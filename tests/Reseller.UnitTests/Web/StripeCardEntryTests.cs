using System.Text.Json;

using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;

using Reseller.Web.Api;
using Reseller.Web.Components.Parts;
using Reseller.Web.Payments;

namespace Reseller.UnitTests.Web;

/// <summary>The dashboard's card forms: Stripe's card Element and a payment_method with a publishable key, the raw card without.</summary>
public sealed class StripeCardEntryTests
{
    [Fact]
    public void The_publishable_key_setting_turns_Stripe_on_and_its_absence_or_a_blank_value_leaves_it_off()
    {
        Assert.True(StripeCardSettings.From(Settings(("Web:Stripe:PublishableKey", "pk_test_123"))).Enabled);
        Assert.False(StripeCardSettings.From(Settings()).Enabled);
        Assert.False(StripeCardSettings.From(Settings(("Web:Stripe:PublishableKey", "  "))).Enabled);
    }

    [Fact]
    public async Task With_a_publishable_key_the_form_shows_Stripe_card_Element_and_no_raw_card_field()
    {
        var html = await RenderAsync(new StripeCardSettings("pk_test_123"));

        Assert.Contains("id=\"stripe-card\"", html);
        Assert.Contains("data-stripe-script=\"https://js.stripe.com/v3/\"", html);
        Assert.Contains("data-stripe-key=\"pk_test_123\"", html);
        Assert.DoesNotContain("card-number", html);
    }

    [Fact]
    public async Task Without_a_publishable_key_the_raw_card_form_stays_and_nothing_refers_to_Stripe()
    {
        var html = await RenderAsync(new StripeCardSettings(null));

        Assert.Contains("id=\"card-number\"", html);
        Assert.DoesNotContain("js.stripe.com", html);
        Assert.DoesNotContain("stripe", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_card_registered_through_Stripe_is_posted_as_its_payment_method_without_any_card_number()
    {
        using var body = JsonDocument.Parse(JsonSerializer.Serialize(StripeCardsApi.Body("Agence Étoile", "pm_1Abc"), ApiJson.Options));

        Assert.Equal(["name", "payment_method"], body.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal("Agence Étoile", body.RootElement.GetProperty("name").GetString());
        Assert.Equal("pm_1Abc", body.RootElement.GetProperty("payment_method").GetString());
    }

    private static async Task<string> RenderAsync(StripeCardSettings stripe)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddLocalization()
            .AddSingleton(stripe)
            .AddSingleton<IJSRuntime, UnusedJsRuntime>()
            .BuildServiceProvider();
        await using var _ = services;
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        RenderFragment rawCardForm = RawCardNumberInput;
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(CardEntry.RawCardForm)] = rawCardForm });
        return await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<CardEntry>(parameters)).ToHtmlString());
    }

    private static void RawCardNumberInput(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "input");
        builder.AddAttribute(1, "id", "card-number");
        builder.CloseElement();
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    /// <summary>Static rendering runs no after-render step, so the component never calls JavaScript here.</summary>
    private sealed class UnusedJsRuntime : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => throw new InvalidOperationException(identifier);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => throw new InvalidOperationException(identifier);
    }
}
